// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/providers/profilereader_p.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {
QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return u"a boolean"_s;
    case QJsonValue::Double:
        return u"a number"_s;
    case QJsonValue::String:
        return u"a string"_s;
    case QJsonValue::Array:
        return u"an array"_s;
    case QJsonValue::Object:
        return u"an object"_s;
    case QJsonValue::Undefined:
        break;
    }
    return u"nothing"_s;
}

bool isLoopbackHost(const QString &host)
{
    return host == u"127.0.0.1"_s || host == u"localhost"_s || host == u"::1"_s;
}
} // namespace

void ProfileReader::fail(const QString &code, const QString &key, const QString &problem)
{
    if (m_error)
        return;
    const QString message = key.isEmpty() ? tr("%1: %2").arg(m_fileName, problem)
                                          : tr("%1: key \"%2\": %3").arg(m_fileName, key, problem);
    m_error = Error{code, message};
}

QString ProfileReader::path(const Node &node, QStringView key)
{
    return node.path.isEmpty() ? key.toString() : node.path + u'.' + key;
}

QString ProfileReader::itemPath(const QString &arrayPath, qsizetype index)
{
    return u"%1[%2]"_s.arg(arrayPath).arg(index);
}

void ProfileReader::allowOnly(const Node &node, std::initializer_list<const char16_t *> allowed)
{
    for (auto it = node.object.begin(); it != node.object.end(); ++it) {
        bool known = false;
        for (const char16_t *name : allowed)
            known = known || it.key() == QStringView(name);
        if (!known) {
            QStringList names;
            for (const char16_t *name : allowed)
                names << QString::fromUtf16(name);
            fail(u"profile.unknown_key"_s, path(node, it.key()),
                 tr("unknown key; the keys allowed here are: %1").arg(names.join(u", "_s)));
            return;
        }
    }
}

std::optional<QJsonValue> ProfileReader::value(const Node &node, QStringView key, Need need)
{
    if (!ok())
        return std::nullopt;
    const auto it = node.object.constFind(key);
    if (it == node.object.constEnd()) {
        if (need == Need::Required)
            fail(u"profile.missing_key"_s, path(node, key), tr("required key is missing"));
        return std::nullopt;
    }
    return it.value();
}

void ProfileReader::badType(const Node &node, QStringView key, const QString &expected,
                            const QJsonValue &value)
{
    fail(u"profile.bad_type"_s, path(node, key),
         tr("expected %1, found %2").arg(expected, typeName(value)));
}

QString ProfileReader::problemUnknownChoice(const QString &text, const QStringList &choices)
{
    return tr("\"%1\" is not one of: %2").arg(text, choices.join(u", "_s));
}

QString ProfileReader::string(const Node &node, QStringView key, Need need, bool allowEmpty)
{
    const auto v = value(node, key, need);
    if (!v)
        return {};
    if (!v->isString()) {
        badType(node, key, tr("a string"), *v);
        return {};
    }
    const QString text = v->toString();
    if (text.isEmpty() && !allowEmpty)
        fail(u"profile.bad_value"_s, path(node, key), tr("must not be empty"));
    return text;
}

QStringList ProfileReader::stringOrList(const Node &node, QStringView key, Need need)
{
    const auto v = value(node, key, need);
    if (!v)
        return {};
    if (v->isString())
        return string(node, key, need).isEmpty() ? QStringList{} : QStringList{v->toString()};
    if (!v->isArray()) {
        badType(node, key, tr("a string or an array of strings"), *v);
        return {};
    }
    return stringList(node, key, need);
}

QStringList ProfileReader::stringList(const Node &node, QStringView key, Need need)
{
    const auto v = value(node, key, need);
    if (!v)
        return {};
    if (!v->isArray()) {
        badType(node, key, tr("an array of strings"), *v);
        return {};
    }
    QStringList result;
    const QJsonArray array = v->toArray();
    if (array.isEmpty() && need == Need::Required) {
        fail(u"profile.bad_value"_s, path(node, key), tr("must not be an empty array"));
        return {};
    }
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue item = array.at(i);
        if (!item.isString() || item.toString().isEmpty()) {
            fail(item.isString() ? u"profile.bad_value"_s : u"profile.bad_type"_s,
                 itemPath(path(node, key), i),
                 item.isString() ? tr("must not be empty")
                                 : tr("expected %1, found %2").arg(tr("a string"), typeName(item)));
            return {};
        }
        result << item.toString();
    }
    return result;
}

std::optional<int> ProfileReader::integer(const Node &node, QStringView key, Need need, int min,
                                          int max)
{
    const auto v = value(node, key, need);
    if (!v)
        return std::nullopt;
    if (!v->isDouble()) {
        badType(node, key, tr("an integer"), *v);
        return std::nullopt;
    }
    const double number = v->toDouble();
    if (number != double(qint64(number)) || number < min || number > max) {
        fail(u"profile.bad_value"_s, path(node, key),
             tr("%1 is not a whole number from %2 to %3")
                     .arg(QString::number(number, 'g', 17))
                     .arg(min)
                     .arg(max));
        return std::nullopt;
    }
    return int(number);
}

QList<int> ProfileReader::integerList(const Node &node, QStringView key, int min, int max)
{
    const auto v = value(node, key, Need::Optional);
    if (!v)
        return {};
    if (!v->isArray()) {
        badType(node, key, tr("an array of integers"), *v);
        return {};
    }
    QList<int> result;
    const QJsonArray array = v->toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue item = array.at(i);
        const double number = item.toDouble(-1);
        if (!item.isDouble() || number != double(qint64(number)) || number < min || number > max) {
            fail(item.isDouble() ? u"profile.bad_value"_s : u"profile.bad_type"_s,
                 itemPath(path(node, key), i),
                 tr("expected a whole number from %1 to %2").arg(min).arg(max));
            return {};
        }
        result << int(number);
    }
    return result;
}

bool ProfileReader::boolean(const Node &node, QStringView key, bool defaultValue)
{
    const auto v = value(node, key, Need::Optional);
    if (!v)
        return defaultValue;
    if (!v->isBool()) {
        badType(node, key, tr("true or false"), *v);
        return defaultValue;
    }
    return v->toBool();
}

std::optional<ProfileReader::Node> ProfileReader::object(const Node &node, QStringView key,
                                                         Need need)
{
    const auto v = value(node, key, need);
    if (!v)
        return std::nullopt;
    if (!v->isObject()) {
        badType(node, key, tr("an object"), *v);
        return std::nullopt;
    }
    return Node{v->toObject(), path(node, key)};
}

QList<ProfileReader::Node> ProfileReader::objectOrList(const Node &node, QStringView key, Need need)
{
    const auto v = value(node, key, need);
    if (!v)
        return {};
    if (v->isObject())
        return {Node{v->toObject(), path(node, key)}};
    if (!v->isArray()) {
        badType(node, key, tr("an object or an array of objects"), *v);
        return {};
    }
    const QJsonArray array = v->toArray();
    if (array.isEmpty() && need == Need::Required) {
        fail(u"profile.bad_value"_s, path(node, key), tr("must not be an empty array"));
        return {};
    }
    QList<Node> result;
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject()) {
            fail(u"profile.bad_type"_s, itemPath(path(node, key), i),
                 tr("expected %1, found %2").arg(tr("an object"), typeName(array.at(i))));
            return {};
        }
        result << Node{array.at(i).toObject(), itemPath(path(node, key), i)};
    }
    return result;
}

QMap<QString, QString> ProfileReader::stringMap(const Node &node, QStringView key)
{
    const auto child = object(node, key, Need::Optional);
    if (!child)
        return {};
    QMap<QString, QString> result;
    for (auto it = child->object.begin(); it != child->object.end(); ++it) {
        if (!it.value().isString()) {
            badType(*child, it.key(), tr("a string"), it.value());
            return {};
        }
        result.insert(it.key(), it.value().toString());
    }
    return result;
}

QString ProfileReader::url(const Node &node, QStringView key, Need need, QSet<QString> *placeholders)
{
    const QString text = string(node, key, need);
    if (!ok() || text.isEmpty())
        return text;
    static const QRegularExpression placeholder(u"\\{([a-z_][a-z0-9_]*)\\}"_s);
    QString probe = text;
    auto matches = placeholder.globalMatch(text);
    while (matches.hasNext()) {
        const QString name = matches.next().captured(1);
        if (placeholders)
            placeholders->insert(name);
        probe.replace(u'{' + name + u'}', u"placeholder"_s);
    }
    const QUrl parsed(probe, QUrl::StrictMode);
    const bool secure = parsed.scheme() == u"https"_s
                        || (parsed.scheme() == u"http"_s && isLoopbackHost(parsed.host()));
    if (!parsed.isValid() || parsed.host().isEmpty() || !secure || probe.contains(u'{')) {
        fail(u"profile.bad_value"_s, path(node, key),
             tr("\"%1\" is not an absolute https URL (placeholders are written {name})").arg(text));
    }
    return text;
}

QString ProfileReader::jsonPointer(const Node &node, QStringView key, Need need)
{
    const QString text = string(node, key, need, /*allowEmpty=*/true);
    if (!ok() || !has(node, key))
        return text;
    bool valid = text.isEmpty() || text.startsWith(u'/');
    for (qsizetype i = 0; valid && i < text.size(); ++i) {
        if (text.at(i) == u'~')
            valid = i + 1 < text.size() && (text.at(i + 1) == u'0' || text.at(i + 1) == u'1');
    }
    if (!valid) {
        fail(u"profile.bad_pointer"_s, path(node, key),
             tr("\"%1\" is not a JSON pointer (RFC 6901: \"\" or \"/a/0/b\", \"~\" written as "
                "\"~0\", \"/\" inside a name as \"~1\")")
                     .arg(text));
    }
    return text;
}

} // namespace wb::core
