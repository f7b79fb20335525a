// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "command.h"

#include "core/inbound/rawrequest.h"
#include "core/util/result.h"

namespace wb::cli {

// `wirebench-cli verify --provider NAME (--secret-file F | --secret-env VAR)... --headers FILE
//  --body FILE [--url URL] [--method M] [--now UNIX_SECONDS] [--json]`: verifies one captured
// webhook request offline, exactly as the receiver would (core::examine: decompression, the
// profile's signature scheme over the raw bytes, timestamp tolerance), without a workspace.
//
// --headers FILE: HTTP header lines "Name: value" (CRLF or LF; blank lines ignored), optionally
// after a request line "POST /path?query HTTP/1.1" (the method and target then count, as for a
// request copied from a proxy or `curl -v`). --body FILE: the bytes exactly ("-" reads stdin).
// Secrets: one per --secret-file (one trailing line break dropped) or --secret-env; give two to
// check a rotation (slot 1, slot 2). --url: the URL the provider signed (Twilio, Square, HubSpot);
// default "http://<Host header><target>". --now: the time to check timestamps against (UTC
// seconds since the epoch; default now).
// JSON: "verified" (bool), "verdict", "scheme", "reason", and the explanation fields
// (verificationJson in records.h). Exit 0 verified; 1 not verified (also for a provider that
// does not sign, verdict "unsigned");
// 2 usage or input error (unknown provider, unreadable file, malformed header line, bad URL).
class VerifyCommand final : public Command
{
public:
    QString name() const override;
    QString summary() const override;
    void addOptions(QCommandLineParser &parser) const override;
    std::optional<int> run(const QCommandLineParser &parser, CommandContext &context) override;
};

// Parses a headers file as described above into `request` (method, url from the request line and
// Host, header fields in order). Errors: `cli.invalid_headers_file` naming the line.
core::Result<void> parseHeadersFile(const QByteArray &text, core::RawRequest &request);

} // namespace wb::cli
