// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/providers/profilenames_p.h"

using namespace Qt::StringLiterals;

namespace wb::core {

QString nameOf(SignatureFamily family)
{
    return names::nameOf(names::families, family);
}
QString nameOf(HashAlgorithm algorithm)
{
    return names::nameOf(names::algorithms, algorithm);
}
QString nameOf(SignatureEncoding encoding)
{
    return names::nameOf(names::encodings, encoding);
}
QString nameOf(SignatureFormat format)
{
    return names::nameOf(names::formats, format);
}
QString nameOf(KeyEncoding encoding)
{
    return names::nameOf(names::keyEncodings, encoding);
}
QString nameOf(TimestampSource source)
{
    return names::nameOf(names::timestampSources, source);
}
QString nameOf(TimestampUnit unit)
{
    return names::nameOf(names::timestampUnits, unit);
}
QString nameOf(BodyCoverage coverage)
{
    return names::nameOf(names::bodyCoverages, coverage);
}
QString nameOf(PkceSupport pkce)
{
    return names::nameOf(names::pkce, pkce);
}
QString nameOf(HandshakeKind kind)
{
    return names::nameOf(names::handshakes, kind);
}
QString nameOf(FieldLocation::Source source)
{
    return names::nameOf(names::fieldSources, source);
}
QString nameOf(RateLimitResetUnit unit)
{
    return names::nameOf(names::resetUnits, unit);
}

QString describe(const SignatureScheme &scheme)
{
    QString text;
    switch (scheme.family) {
    case SignatureFamily::None:
        return u"unsigned"_s;
    case SignatureFamily::Hmac:
        text = u"hmac-%1 %2"_s.arg(nameOf(scheme.algorithm), nameOf(scheme.encoding));
        break;
    case SignatureFamily::Digest:
        text = u"%1 digest %2"_s.arg(nameOf(scheme.algorithm), nameOf(scheme.encoding));
        break;
    case SignatureFamily::Twilio:
        text = u"twilio hmac-%1 %2 over the URL and sorted parameters"_s
                       .arg(nameOf(scheme.algorithm), nameOf(scheme.encoding));
        break;
    case SignatureFamily::Ed25519:
        text = u"ed25519 %1"_s.arg(nameOf(scheme.encoding));
        break;
    case SignatureFamily::EcdsaP256:
        text = u"ecdsa-p256-sha256 %1 (DER)"_s.arg(nameOf(scheme.encoding));
        break;
    }
    if (!scheme.signedPayload.isEmpty())
        text += u" over \"%1\""_s.arg(scheme.signedPayload);
    text += u" in "_s + scheme.signatureHeaders.join(u" or "_s);
    if (!scheme.prefix.isEmpty())
        text += u" (prefix \"%1\")"_s.arg(scheme.prefix);
    if (scheme.toleranceSeconds)
        text += u", tolerance %1 s"_s.arg(*scheme.toleranceSeconds);
    return text;
}

QString describe(const FieldLocation &location)
{
    switch (location.source) {
    case FieldLocation::Source::JsonPointer:
        return u"JSON pointer %1 in the body"_s.arg(location.name);
    case FieldLocation::Source::Header:
        return u"header %1"_s.arg(location.name);
    case FieldLocation::Source::FormField:
        return u"form field %1 in the body"_s.arg(location.name);
    case FieldLocation::Source::XmlElement:
        return u"XML element <%1> in the body"_s.arg(location.name);
    }
    return {};
}

} // namespace wb::core
