#!/usr/bin/env bash
# DEV ONLY: prints a signed bearer token for the local service (./mvnw quarkus:dev), so every endpoint
# can be tried without Keycloak. The key beside this script is public knowledge; production verifies
# tokens against the Keycloak realm instead and never trusts this key.
#
#   deploy/dev/token.sh <role> [--hospital ORG_NUMBER] [--municipality NNNN] [--pool POOL_ID] [--user NAME] [--hours H]
#
# Roles: ward (needs --hospital), municipal-intake (needs --municipality), pool-admin (needs --pool, a bed pool's id),
#   board, integration, admin.
# The user is dev-ward-<hospital>, dev-municipal-intake-<municipality>, dev-pool-admin-<pool> or dev-<role> unless
# --user names one, so that two tenants' tokens are never the same user.
#   TOKEN=$(deploy/dev/token.sh admin)
#   curl -H "Authorization: Bearer $TOKEN" http://localhost:8080/daily-rates
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
key="$here/dev-signing-key.pem"

usage() { sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[ $# -ge 1 ] || usage
role=$1; shift
hospital=""; municipality=""; pool=""; user=""; hours=8
while [ $# -gt 0 ]; do
  case $1 in
    --hospital) hospital=${2:?}; shift 2 ;;
    --municipality) municipality=${2:?}; shift 2 ;;
    --pool) pool=${2:?}; shift 2 ;;
    --user) user=${2:?}; shift 2 ;;
    --hours) hours=${2:?}; shift 2 ;;
    *) usage ;;
  esac
done
case $role in
  ward) [ -n "$hospital" ] || { echo "a ward token needs --hospital ORG_NUMBER (e.g. 983974899, UNN)" >&2; exit 2; } ;;
  municipal-intake) [[ $municipality =~ ^[0-9]{4}$ ]] || { echo "a municipal-intake token needs --municipality NNNN (e.g. 1833, Rana)" >&2; exit 2; } ;;
  pool-admin) [[ $pool =~ ^[0-9a-f-]{36}$ ]] || { echo "a pool-admin token needs --pool POOL_ID (the id GET /bed-pools shows)" >&2; exit 2; } ;;
  board|integration|admin) ;;
  *) echo "unknown role '$role' (ward, municipal-intake, pool-admin, board, integration, admin)" >&2; exit 2 ;;
esac

if [ -z "$user" ]; then
  case $role in
    ward) user="dev-ward-$hospital" ;;
    municipal-intake) user="dev-municipal-intake-$municipality" ;;
    pool-admin) user="dev-pool-admin-$pool" ;;
    *) user="dev-$role" ;;
  esac
fi

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s); exp=$((now + hours * 3600))
claims="\"iss\":\"discharge-dev\",\"sub\":\"$user\",\"upn\":\"$user\",\"preferred_username\":\"$user\",\"groups\":[\"$role\"],\"iat\":$now,\"exp\":$exp"
[ -n "$hospital" ] && claims="$claims,\"hospital\":\"$hospital\""
[ -n "$municipality" ] && claims="$claims,\"municipality\":\"$municipality\""
[ -n "$pool" ] && claims="$claims,\"pool\":\"$pool\""
header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
payload=$(printf '{%s}' "$claims" | b64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$key" -binary | b64url)
printf '%s.%s.%s\n' "$header" "$payload" "$signature"
