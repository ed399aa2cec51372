#!/usr/bin/env bash
# Writes .env for docker-compose.yml with new random secrets (the names of ops/compose.env.example), readable by
# you alone. Never overwrites one: remove .env first to start over (then the MongoDB volume wants the old password).
#   ops/make-compose-env.sh [admin e-mail]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -e .env ]; then
  echo ".env exists already; remove it first to write new secrets" >&2
  exit 1
fi
random() { # prints $1 random letters and digits
  LC_ALL=C tr -dc 'A-Za-z0-9' < /dev/urandom | head -c "$1"
}
umask 077
cat > .env <<ENV
FLOWHUB_INTERNAL_KEY=$(random 48)
FLOWHUB_JWT_SECRET=$(random 48)
FLOWHUB_ADMIN_EMAIL=${1:-admin@example.com}
FLOWHUB_ADMIN_PASSWORD=$(random 24)
MONGO_ROOT_USERNAME=flowhub
MONGO_ROOT_PASSWORD=$(random 32)
MONGO_REPLICA_KEY=$(random 64)
GRAFANA_ADMIN_PASSWORD=$(random 24)
ENV
echo "Wrote .env with new secrets (the ADMIN's password and the internal key are in it)." >&2
