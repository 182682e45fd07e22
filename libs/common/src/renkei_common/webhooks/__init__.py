"""Outgoing webhooks per the Standard Webhooks specification: endpoints, signing, SSRF guard, dispatch."""
