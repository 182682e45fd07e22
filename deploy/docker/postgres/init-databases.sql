-- docker-compose only: one database per service, created on the first start of an empty volume.
-- (Kubernetes: deploy/k8s/components/cloudnative-pg, with one owner role per database.)
CREATE DATABASE renkei_agreements;
CREATE DATABASE renkei_groups;
CREATE DATABASE renkei_staffing;
CREATE DATABASE renkei_finance;
