-- Keycloak's own database, beside PerfLedger's (docker-compose; the local run makes it itself)
CREATE DATABASE keycloak OWNER perfledger;
