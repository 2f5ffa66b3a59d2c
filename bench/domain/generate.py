#!/usr/bin/env python3
"""Writes the benchmark zone: N sending domains under bench.test, each with the records a real
MA sender has (SPF with its own include and a shared vendor include nested two deep, DMARC,
a 2048-bit DKIM key, MX, MTA-STS, TLS-RPT, BIMI), and the list of domain names.

Usage: generate.py N ZONE_FILE DOMAINS_FILE DKIM_P
DKIM_P is the base64 public key to publish (the same key for every domain is fine: the check
decodes each answer it gets).
"""
import sys

n, zone_path, domains_path, dkim = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
lines = [
    "$ORIGIN bench.test.",
    "$TTL 60",
    "@ IN SOA ns hostmaster 1 3600 600 86400 60",
    "@ IN NS ns",
    "ns IN A 127.0.0.1",
    '_spf.vendor IN TXT "v=spf1 include:_a.vendor.bench.test include:_b.vendor.bench.test -all"',
    '_a.vendor IN TXT "v=spf1 ip4:192.0.2.0/25 -all"',
    '_b.vendor IN TXT "v=spf1 ip4:192.0.2.128/25 -all"',
    "mail IN A 192.0.2.25",
]
names = []
for i in range(1, n + 1):
    d = f"d{i:04d}"
    names.append(f"{d}.bench.test")
    lines += [
        f'{d} IN TXT "v=spf1 include:_spf.{d}.bench.test include:_spf.vendor.bench.test mx -all"',
        f'_spf.{d} IN TXT "v=spf1 ip4:198.51.100.{i % 250}/32 -all"',
        f"{d} IN MX 10 mail.bench.test.",
        f'_dmarc.{d} IN TXT "v=DMARC1; p=reject; rua=mailto:dmarc@bench.test"',
        f's1._domainkey.{d} IN TXT "v=DKIM1; k=rsa; p={dkim[:200]}" "{dkim[200:]}"',
        f'_mta-sts.{d} IN TXT "v=STSv1; id=2026120{i % 10}"',
        f'_smtp._tls.{d} IN TXT "v=TLSRPTv1; rua=mailto:tls@bench.test"',
        f'default._bimi.{d} IN TXT "v=BIMI1; l=https://bench.test/logo.svg"',
    ]
with open(zone_path, "w") as f:
    f.write("\n".join(lines) + "\n")
with open(domains_path, "w") as f:
    f.write("\n".join(names) + "\n")
