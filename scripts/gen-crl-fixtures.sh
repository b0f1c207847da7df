#!/usr/bin/env bash
# gen-crl-fixtures.sh — CRL files for the `dpslint verify --crl` input tests, made from the
# committed NIST PKITS CRLs (testdata/pkits/crls) with the openssl CLI, so they keep PKITS's
# fixed dates. Rewrites testdata/crl/*.pem and *.crl.
#
#   good-ca-crls.pem   the trust anchor's and Good CA's CRLs in one PEM file, text between
#   truncated.crl      Good CA's CRL cut after 100 bytes (bad input)
#   not-a-crl.pem      Good CA's certificate in PEM (bad input: wrong block)
#   text.crl           a line of text (bad input)
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PKITS="$REPO/testdata/pkits"
OUT="$REPO/testdata/crl"
mkdir -p "$OUT"

{
    echo "Trust anchor CRL and Good CA CRL of NIST PKITS"
    openssl crl -inform DER -in "$PKITS/crls/TrustAnchorRootCRL.crl" -outform PEM
    echo "(the Good CA CRL follows)"
    openssl crl -inform DER -in "$PKITS/crls/GoodCACRL.crl" -outform PEM
} >"$OUT/good-ca-crls.pem"
head -c 100 "$PKITS/crls/GoodCACRL.crl" >"$OUT/truncated.crl"
openssl x509 -inform DER -in "$PKITS/certs/GoodCACert.crt" -outform PEM >"$OUT/not-a-crl.pem"
echo "this is not a CRL" >"$OUT/text.crl"
