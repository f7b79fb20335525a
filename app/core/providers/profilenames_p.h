// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The stable JSON names of the profile enums, one table per enum, used both to parse profiles and
// to print values. Private to core/providers and core/inbound.

#include "core/providers/providerprofile.h"

#include <QString>
#include <QStringList>

#include <array>
#include <optional>
#include <utility>

namespace wb::core::names {

template<typename E>
using Entry = std::pair<E, const char16_t *>;

inline constexpr std::array families{
        Entry<SignatureFamily>{SignatureFamily::None, u"none"},
        Entry<SignatureFamily>{SignatureFamily::Hmac, u"hmac"},
        Entry<SignatureFamily>{SignatureFamily::Digest, u"digest"},
        Entry<SignatureFamily>{SignatureFamily::Twilio, u"twilio"},
        Entry<SignatureFamily>{SignatureFamily::Ed25519, u"ed25519"},
        Entry<SignatureFamily>{SignatureFamily::EcdsaP256, u"ecdsa_p256"},
};
inline constexpr std::array algorithms{
        Entry<HashAlgorithm>{HashAlgorithm::Sha1, u"sha1"},
        Entry<HashAlgorithm>{HashAlgorithm::Sha256, u"sha256"},
};
inline constexpr std::array encodings{
        Entry<SignatureEncoding>{SignatureEncoding::Hex, u"hex"},
        Entry<SignatureEncoding>{SignatureEncoding::Base64, u"base64"},
};
inline constexpr std::array formats{
        Entry<SignatureFormat>{SignatureFormat::Single, u"single"},
        Entry<SignatureFormat>{SignatureFormat::List, u"list"},
        Entry<SignatureFormat>{SignatureFormat::KeyValue, u"key_value"},
};
inline constexpr std::array keyEncodings{
        Entry<KeyEncoding>{KeyEncoding::Raw, u"raw"},
        Entry<KeyEncoding>{KeyEncoding::Base64, u"base64"},
        Entry<KeyEncoding>{KeyEncoding::Hex, u"hex"},
};
inline constexpr std::array timestampSources{
        Entry<TimestampSource>{TimestampSource::None, u"none"},
        Entry<TimestampSource>{TimestampSource::Header, u"header"},
        Entry<TimestampSource>{TimestampSource::SignatureHeader, u"signature_header"},
        Entry<TimestampSource>{TimestampSource::Body, u"body"},
};
inline constexpr std::array timestampUnits{
        Entry<TimestampUnit>{TimestampUnit::Seconds, u"seconds"},
        Entry<TimestampUnit>{TimestampUnit::Milliseconds, u"milliseconds"},
        Entry<TimestampUnit>{TimestampUnit::Iso8601, u"iso8601"},
};
inline constexpr std::array bodyCoverages{
        Entry<BodyCoverage>{BodyCoverage::AsReceived, u"as_received"},
        Entry<BodyCoverage>{BodyCoverage::Decompressed, u"decompressed"},
};
inline constexpr std::array pkce{
        Entry<PkceSupport>{PkceSupport::Required, u"required"},
        Entry<PkceSupport>{PkceSupport::Supported, u"supported"},
        Entry<PkceSupport>{PkceSupport::Unsupported, u"unsupported"},
        Entry<PkceSupport>{PkceSupport::Unknown, u"unknown"},
};
inline constexpr std::array revocationRequests{
        Entry<RevocationRequest>{RevocationRequest::Rfc7009, u"rfc7009"},
        Entry<RevocationRequest>{RevocationRequest::BasicAuthJsonDelete, u"basic_auth_json_delete"},
        Entry<RevocationRequest>{RevocationRequest::BearerPost, u"bearer_post"},
};
inline constexpr std::array handshakes{
        Entry<HandshakeKind>{HandshakeKind::None, u"none"},
        Entry<HandshakeKind>{HandshakeKind::SlackUrlVerification, u"slack_url_verification"},
        Entry<HandshakeKind>{HandshakeKind::GraphValidationToken, u"graph_validation_token"},
        Entry<HandshakeKind>{HandshakeKind::ZoomUrlValidation, u"zoom_url_validation"},
        Entry<HandshakeKind>{HandshakeKind::DropboxChallenge, u"dropbox_challenge"},
        Entry<HandshakeKind>{HandshakeKind::AsanaHookSecret, u"asana_hook_secret"},
        Entry<HandshakeKind>{HandshakeKind::XCrc, u"x_crc"},
        Entry<HandshakeKind>{HandshakeKind::MetaHubChallenge, u"meta_hub_challenge"},
        Entry<HandshakeKind>{HandshakeKind::DiscordPing, u"discord_ping"},
};
inline constexpr std::array fieldSources{
        Entry<FieldLocation::Source>{FieldLocation::Source::JsonPointer, u"json_pointer"},
        Entry<FieldLocation::Source>{FieldLocation::Source::Header, u"header"},
        Entry<FieldLocation::Source>{FieldLocation::Source::FormField, u"form_field"},
        Entry<FieldLocation::Source>{FieldLocation::Source::XmlElement, u"xml_element"},
};
inline constexpr std::array resetUnits{
        Entry<RateLimitResetUnit>{RateLimitResetUnit::None, u"none"},
        Entry<RateLimitResetUnit>{RateLimitResetUnit::EpochSeconds, u"epoch_seconds"},
        Entry<RateLimitResetUnit>{RateLimitResetUnit::DeltaSeconds, u"delta_seconds"},
        Entry<RateLimitResetUnit>{RateLimitResetUnit::EpochMilliseconds, u"epoch_milliseconds"},
        Entry<RateLimitResetUnit>{RateLimitResetUnit::DeltaMilliseconds, u"delta_milliseconds"},
        Entry<RateLimitResetUnit>{RateLimitResetUnit::Iso8601, u"iso8601"},
};

template<typename E, std::size_t N>
QString nameOf(const std::array<Entry<E>, N> &table, E value)
{
    for (const auto &[entryValue, name] : table) {
        if (entryValue == value)
            return QString::fromUtf16(name);
    }
    return {};
}

template<typename E, std::size_t N>
std::optional<E> valueOf(const std::array<Entry<E>, N> &table, QStringView name)
{
    for (const auto &[entryValue, entryName] : table) {
        if (name == QStringView(entryName))
            return entryValue;
    }
    return std::nullopt;
}

template<typename E, std::size_t N>
QStringList allNames(const std::array<Entry<E>, N> &table)
{
    QStringList result;
    for (const auto &entry : table)
        result << QString::fromUtf16(entry.second);
    return result;
}

} // namespace wb::core::names
