#!/usr/bin/env sh
# Publishes one question as JSON onto clearsky.questions with kcat (Debian package `kcat`).
# Usage: BROKER=127.0.0.1:19092 examples/kcat/publish-question.sh "How many customers are there?"
# Prints the query id; the answer arrives on clearsky.answers under that key.
set -eu
BROKER="${BROKER:-127.0.0.1:19092}"
QUERY_ID="${QUERY_ID:-$(cat /proc/sys/kernel/random/uuid)}"
QUESTION="${1:?usage: publish-question.sh QUESTION}"
# The one-liner; the question text must not contain double quotes or backslashes here.
printf '{"queryId":"%s","sessionId":"kcat-%s","question":"%s","submittedAt":%s000,"source":"kcat"}' \
    "$QUERY_ID" "$QUERY_ID" "$QUESTION" "$(date +%s)" \
  | kcat -P -b "$BROKER" -t clearsky.questions -k "$QUERY_ID" -H content-type=application/json
echo "$QUERY_ID"
