// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/providers/schemeparser_p.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {
using Need = ProfileReader::Need;
using Node = ProfileReader::Node;

const QStringList placeholderNames{u"body"_s,   u"timestamp"_s, u"id"_s,
                                   u"method"_s, u"url"_s,       u"secret"_s};

class SchemeText
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::ProviderProfile)
};

// The {placeholders} of a signed-payload template, or an error text for a malformed one.
QStringList templatePlaceholders(const QString &text, QString *problem)
{
    QStringList found;
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == u'}') {
            *problem = SchemeText::tr("a \"}\" at position %1 closes nothing").arg(i);
            return {};
        }
        if (c != u'{') {
            ++i;
            continue;
        }
        const qsizetype close = text.indexOf(u'}', i);
        if (close < 0) {
            *problem = SchemeText::tr("the \"{\" at position %1 is never closed").arg(i);
            return {};
        }
        const QString name = text.mid(i + 1, close - i - 1);
        if (!placeholderNames.contains(name)) {
            *problem = SchemeText::tr("unknown placeholder {%1}; known: {%2}")
                               .arg(name, placeholderNames.join(u"}, {"_s));
            return {};
        }
        found << name;
        i = close + 1;
    }
    return found;
}

void readTimestamp(ProfileReader &reader, const Node &node, SignatureScheme &scheme)
{
    const auto timestamp = reader.object(node, u"timestamp", Need::Optional);
    if (!timestamp)
        return;
    reader.allowOnly(*timestamp, {u"source", u"header", u"json_pointer", u"unit"});
    scheme.timestampSource = reader.choice(*timestamp, u"source", names::timestampSources,
                                           TimestampSource::None, Need::Required);
    scheme.timestampUnit = reader.choice(*timestamp, u"unit", names::timestampUnits,
                                         TimestampUnit::Seconds, Need::Required);
    switch (scheme.timestampSource) {
    case TimestampSource::Header:
        scheme.timestampHeaders = reader.stringOrList(*timestamp, u"header", Need::Required);
        break;
    case TimestampSource::Body:
        scheme.timestampPointer = reader.jsonPointer(*timestamp, u"json_pointer", Need::Required);
        break;
    case TimestampSource::SignatureHeader:
        if (reader.ok() && scheme.format != SignatureFormat::KeyValue) {
            reader.fail(u"profile.inconsistent"_s, ProfileReader::path(*timestamp, u"source"),
                        SchemeText::tr("\"signature_header\" needs \"format\": \"key_value\" with "
                                       "a \"timestamp_key\""));
        }
        break;
    case TimestampSource::None:
        break;
    }
}

void readWhen(ProfileReader &reader, const Node &node, SignatureScheme &scheme)
{
    const auto when = reader.object(node, u"when", Need::Optional);
    if (!when)
        return;
    reader.allowOnly(*when, {u"header", u"equals"});
    scheme.whenHeader = reader.string(*when, u"header", Need::Required);
    scheme.whenEquals = reader.string(*when, u"equals", Need::Optional);
}

void checkTemplate(ProfileReader &reader, const Node &node, const SignatureScheme &scheme)
{
    if (!reader.ok())
        return;
    const QString key = ProfileReader::path(node, u"signed_payload");
    const bool family = scheme.family == SignatureFamily::Twilio;
    if (family) {
        if (reader.has(node, u"signed_payload")) {
            reader.fail(u"profile.inconsistent"_s, key,
                        SchemeText::tr("the twilio family defines what is signed; remove this "
                                       "key"));
        }
        return;
    }
    if (!reader.has(node, u"signed_payload")) {
        reader.fail(u"profile.missing_key"_s, key, SchemeText::tr("required key is missing"));
        return;
    }
    QString problem;
    const QStringList used = templatePlaceholders(scheme.signedPayload, &problem);
    if (!problem.isEmpty()) {
        reader.fail(u"profile.bad_value"_s, key, problem);
        return;
    }
    const auto need = [&](const QString &placeholder, bool condition, const QString &why) {
        if (reader.ok() && used.contains(placeholder) && !condition)
            reader.fail(u"profile.inconsistent"_s, key, why);
    };
    if (!used.contains(u"body"_s)) {
        reader.fail(u"profile.inconsistent"_s, key,
                    SchemeText::tr("the signed payload must cover the body: add {body}"));
    }
    need(u"timestamp"_s, scheme.timestampSource != TimestampSource::None,
         SchemeText::tr("{timestamp} is signed but \"timestamp\" does not say where it is read"));
    need(u"id"_s, !scheme.idHeaders.isEmpty(),
         SchemeText::tr("{id} is signed but \"id_header\" is missing"));
    need(u"secret"_s, scheme.family == SignatureFamily::Digest,
         SchemeText::tr("{secret} may appear only in the digest family"));
    if (reader.ok() && scheme.family == SignatureFamily::Digest && !used.contains(u"secret"_s)) {
        reader.fail(u"profile.inconsistent"_s, key,
                    SchemeText::tr("a digest without {secret} proves nothing"));
    }
}
} // namespace

SignatureScheme readSignatureScheme(ProfileReader &reader, const Node &node)
{
    SignatureScheme scheme;
    scheme.family = reader.choice(node, u"family", names::families, SignatureFamily::None,
                                  Need::Required, u"profile.unknown_scheme"_s);
    if (!reader.ok())
        return scheme;
    if (scheme.family == SignatureFamily::None) {
        reader.allowOnly(node, {u"family", u"notes", u"when"});
        readWhen(reader, node, scheme);
        return scheme;
    }
    reader.allowOnly(node, {u"family", u"algorithm", u"header", u"format", u"prefix", u"separator",
                            u"signature_key", u"timestamp_key", u"encoding", u"signed_payload",
                            u"key_encoding", u"key_prefix", u"timestamp", u"tolerance_seconds",
                            u"id_header", u"body_coverage", u"url_decode_chars", u"when", u"notes"});
    const bool asymmetric = scheme.family == SignatureFamily::Ed25519
                            || scheme.family == SignatureFamily::EcdsaP256;
    if (asymmetric) {
        if (reader.ok() && reader.has(node, u"algorithm")) {
            reader.fail(u"profile.inconsistent"_s, ProfileReader::path(node, u"algorithm"),
                        SchemeText::tr("%1 fixes its own hash; remove this key")
                                .arg(nameOf(scheme.family)));
        }
    } else {
        scheme.algorithm = reader.choice(node, u"algorithm", names::algorithms,
                                         HashAlgorithm::Sha256, Need::Required);
    }
    scheme.signatureHeaders = reader.stringOrList(node, u"header", Need::Required);
    scheme.format = reader.choice(node, u"format", names::formats, SignatureFormat::Single,
                                  Need::Optional);
    scheme.prefix = reader.string(node, u"prefix", Need::Optional);
    scheme.separator = reader.string(node, u"separator", Need::Optional);
    scheme.signatureKey = reader.string(node, u"signature_key", Need::Optional);
    scheme.timestampKey = reader.string(node, u"timestamp_key", Need::Optional);
    scheme.encoding = reader.choice(node, u"encoding", names::encodings, SignatureEncoding::Hex,
                                    Need::Required);
    scheme.signedPayload = reader.string(node, u"signed_payload", Need::Optional);
    scheme.keyEncoding = reader.choice(node, u"key_encoding", names::keyEncodings, KeyEncoding::Raw,
                                       asymmetric ? Need::Required : Need::Optional);
    scheme.keyPrefix = reader.string(node, u"key_prefix", Need::Optional);
    readTimestamp(reader, node, scheme);
    if (const auto tolerance = reader.integer(node, u"tolerance_seconds", Need::Optional, 1,
                                              7 * 24 * 3600)) {
        scheme.toleranceSeconds = *tolerance;
    }
    scheme.idHeaders = reader.stringOrList(node, u"id_header", Need::Optional);
    scheme.bodyCoverage = reader.choice(node, u"body_coverage", names::bodyCoverages,
                                        BodyCoverage::AsReceived, Need::Optional);
    scheme.urlDecodeChars = reader.string(node, u"url_decode_chars", Need::Optional);
    readWhen(reader, node, scheme);
    if (!reader.ok())
        return scheme;

    const auto inconsistent = [&](QStringView key, const QString &problem) {
        if (reader.ok())
            reader.fail(u"profile.inconsistent"_s, ProfileReader::path(node, key), problem);
    };
    switch (scheme.format) {
    case SignatureFormat::Single:
        break;
    case SignatureFormat::List:
        if (scheme.separator.isEmpty() || scheme.prefix.isEmpty())
            inconsistent(u"format", SchemeText::tr("\"list\" needs \"separator\" and \"prefix\""));
        break;
    case SignatureFormat::KeyValue:
        if (scheme.separator.isEmpty() || scheme.signatureKey.isEmpty()) {
            inconsistent(u"format",
                         SchemeText::tr("\"key_value\" needs \"separator\" and \"signature_key\""));
        }
        if (scheme.timestampSource == TimestampSource::SignatureHeader
            && scheme.timestampKey.isEmpty()) {
            inconsistent(u"timestamp_key", SchemeText::tr("required when the timestamp is read "
                                                          "from the signature header"));
        }
        break;
    }
    if (scheme.family == SignatureFamily::Twilio && scheme.format != SignatureFormat::Single)
        inconsistent(u"format", SchemeText::tr("the twilio family sends a single signature"));
    if (scheme.toleranceSeconds && scheme.timestampSource == TimestampSource::None) {
        inconsistent(u"tolerance_seconds",
                     SchemeText::tr("a tolerance needs a \"timestamp\" to compare"));
    }
    checkTemplate(reader, node, scheme);
    return scheme;
}

} // namespace wb::core
