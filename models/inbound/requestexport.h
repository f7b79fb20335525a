// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/inbound/rawrequest.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QString>

namespace wb::models {

// Whether a header field carries a secret or a credential derived from one: Authorization,
// Proxy-Authorization, Cookie, and every field whose name contains "signature", "token",
// "secret", "api-key"/"apikey" or "password" (case-insensitive). Signatures are HMACs of the body
// with the connection's secret: not the secret itself, but enough to replay the request.
bool isSensitiveHeader(QByteArrayView name);

// A bash command that sends `request` again with curl (the body passed with
// --data-binary from a $'…' string so every byte, also NUL and invalid UTF-8, goes out as
// received). `url` replaces the request's URL when not empty. Sensitive header values are
// replaced by "<redacted>" unless `withSecrets`. Content-Length, Host, Transfer-Encoding and
// Connection are left to curl (the body is already de-chunked). Pure.
QString curlCommand(const core::RawRequest &request, const QByteArray &url, bool withSecrets);

// A request saved to a file: the HTTP/1.1 message as it came on the wire (RFC 9112 §2.1:
// "POST /hooks/7 HTTP/1.1", the header fields in order, an empty line, the body bytes). The
// request line carries the request target and the Host header the authority. Everything after the
// empty line is the body, whatever Content-Length says.
QByteArray requestFileBytes(const core::RawRequest &request, const QByteArray &requestTarget);

// Reads a file written by requestFileBytes() (or any HTTP/1.1 request message, CRLF or LF line
// ends). The URL is rebuilt as http://<Host><target> ("http://localhost<target>" without Host).
// Errors: "request_file.no_request_line" (the first line is not "METHOD TARGET HTTP/x.y"),
// "request_file.bad_header" naming the line number, "request_file.no_body_separator" (no empty
// line after the header section). The message names `fileName`.
core::Result<core::RawRequest> parseRequestFile(const QByteArray &bytes, const QString &fileName);

} // namespace wb::models
