"""Event backbone: contracts, CloudEvents envelope, outbox, relay, feed and consumers."""
