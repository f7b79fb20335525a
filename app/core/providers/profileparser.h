// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/providers/providerprofile.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace wb::core {

// Parses and validates one provider profile (the format is documented in
// resources/providers/README.md). `fileName` is the path named in errors; the profile's "id" must
// equal its base name without ".json". Pure and thread-safe.
//
// Errors (Error::message always names the file, the key as a dotted path such as
// "webhook.signature.tolerance_seconds", and the problem):
//   profile.invalid_json       not JSON, or not a JSON object
//   profile.unsupported_format "format" is not 1
//   profile.missing_key        a required key is absent
//   profile.bad_type           a value has the wrong JSON type
//   profile.bad_value          a value is out of range, empty, not an https URL, an unknown
//                              template placeholder, …
//   profile.bad_pointer        a JSON pointer is malformed (RFC 6901)
//   profile.unknown_key        a key the format does not know (usually a typo)
//   profile.unknown_scheme     "webhook.signature.family" names no known scheme family
//   profile.unknown_handshake  "webhook.handshake.kind" names no known handshake
//   profile.inconsistent       keys contradict each other ({timestamp} signed without a
//                              timestamp source, a tolerance without a timestamp, …)
//   profile.undeclared_placeholder  an OAuth URL uses {name} not listed in url_placeholders
//   profile.id_mismatch        "id" differs from the file's base name
Result<ProviderProfile> parseProviderProfile(const QByteArray &json, const QString &fileName);

// Parses one "webhook.signature" object on its own (tools and tests build schemes this way).
// `context` stands in for the file name in error messages.
Result<SignatureScheme> parseSignatureScheme(const QJsonObject &object, const QString &context);

} // namespace wb::core
