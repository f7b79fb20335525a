// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Typed, path-tracking access to the JSON of one provider profile. The first problem found is kept
// as an Error whose message names the file, the key (as a dotted path with [index] for array
// items, e.g. "webhook.signature[1].tolerance_seconds") and the problem; later reads return
// defaults. Private to core/providers.

#include "core/providers/profilenames_p.h"
#include "core/util/result.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QSet>

#include <initializer_list>
#include <optional>

namespace wb::core {

class ProfileReader final
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::ProviderProfile)

public:
    struct Node
    {
        QJsonObject object;
        QString path; // "" for the root
    };
    enum class Need { Optional, Required };

    explicit ProfileReader(QString fileName)
        : m_fileName(std::move(fileName))
    {}

    bool ok() const { return !m_error.has_value(); }
    Error error() const { return m_error.value_or(Error{}); }
    QString fileName() const { return m_fileName; }

    // Records a problem (the first one wins). `key` is a full dotted path.
    void fail(const QString &code, const QString &key, const QString &problem);

    static QString path(const Node &node, QStringView key);
    static QString itemPath(const QString &arrayPath, qsizetype index);

    // profile.unknown_key for a key outside `allowed` (catches typos such as "tolerance_secs").
    void allowOnly(const Node &node, std::initializer_list<const char16_t *> allowed);

    bool has(const Node &node, QStringView key) const { return node.object.contains(key); }
    QString string(const Node &node, QStringView key, Need need, bool allowEmpty = false);
    // A string or an array of strings ("header": "X" or ["X", "Y"]); never empty when present.
    QStringList stringOrList(const Node &node, QStringView key, Need need);
    QStringList stringList(const Node &node, QStringView key, Need need);
    std::optional<int> integer(const Node &node, QStringView key, Need need, int min, int max);
    QList<int> integerList(const Node &node, QStringView key, int min, int max);
    bool boolean(const Node &node, QStringView key, bool defaultValue);
    std::optional<Node> object(const Node &node, QStringView key, Need need);
    // An object or an array of objects; each returned node carries its own path.
    QList<Node> objectOrList(const Node &node, QStringView key, Need need);
    QMap<QString, QString> stringMap(const Node &node, QStringView key);
    // An absolute https URL (http only for loopback hosts); "{name}" placeholders are allowed and
    // reported in `placeholders`.
    QString url(const Node &node, QStringView key, Need need, QSet<QString> *placeholders);
    // A JSON pointer (RFC 6901 §3): "" or "/…", "~" only as "~0" or "~1".
    QString jsonPointer(const Node &node, QStringView key, Need need);

    template<typename E, std::size_t N>
    E choice(const Node &node, QStringView key, const std::array<names::Entry<E>, N> &table,
             E fallback, Need need,
             const QString &unknownCode = QStringLiteral("profile.bad_value"))
    {
        const QString text = string(node, key, need);
        if (!ok() || text.isEmpty())
            return fallback;
        if (const auto value = names::valueOf(table, text))
            return *value;
        fail(unknownCode, path(node, key), problemUnknownChoice(text, names::allNames(table)));
        return fallback;
    }

private:
    static QString problemUnknownChoice(const QString &text, const QStringList &choices);
    std::optional<QJsonValue> value(const Node &node, QStringView key, Need need);
    void badType(const Node &node, QStringView key, const QString &expected,
                 const QJsonValue &value);

    QString m_fileName;
    std::optional<Error> m_error;
};

} // namespace wb::core
