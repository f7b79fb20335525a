// SPDX-License-Identifier: GPL-3.0-or-later
#include "verifycommand.h"

#include "catalogloader.h"
#include "inputfile.h"
#include "output.h"
#include "records.h"

#include "core/inbound/flow/inboundexaminer.h"
#include "core/providers/providercatalog.h"
#include "core/util/clock.h"

#include <QCommandLineParser>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace wb::cli {

namespace {

const QString commandName = u"verify"_s;
// Webhook bodies and header blocks beyond these are not captured requests.
constexpr qint64 maxBodyBytes = 64LL * 1024 * 1024;
constexpr qint64 maxHeadersBytes = 1024 * 1024;
constexpr qint64 maxSecretBytes = 64 * 1024;

const QCommandLineOption &providerOption()
{
    static const QCommandLineOption option(u"provider"_s,
                                           u"The provider profile (see 'providers list')."_s,
                                           u"name"_s);
    return option;
}

const QCommandLineOption &secretFileOption()
{
    static const QCommandLineOption
            option(u"secret-file"_s,
                   u"A file holding the signing secret or public key (repeat for a rotation)."_s,
                   u"file"_s);
    return option;
}

const QCommandLineOption &secretEnvOption()
{
    static const QCommandLineOption
            option(u"secret-env"_s, u"An environment variable holding the secret (repeatable)."_s,
                   u"var"_s);
    return option;
}

const QCommandLineOption &headersOption()
{
    static const QCommandLineOption
            option(u"headers"_s,
                   u"The request's header lines ('Name: value'), optionally after its "
                   "request line."_s,
                   u"file"_s);
    return option;
}

const QCommandLineOption &bodyOption()
{
    static const QCommandLineOption option(u"body"_s, u"The body, byte for byte ('-': stdin)."_s,
                                           u"file"_s);
    return option;
}

const QCommandLineOption &urlOption()
{
    static const QCommandLineOption
            option(u"url"_s, u"The URL the provider signed (Twilio, Square, HubSpot)."_s, u"url"_s);
    return option;
}

const QCommandLineOption &methodOption()
{
    static const QCommandLineOption option(u"method"_s,
                                           u"The request method (default POST, or the request "
                                           "line's)."_s,
                                           u"method"_s);
    return option;
}

const QCommandLineOption &nowOption()
{
    static const QCommandLineOption
            option(u"now"_s, u"Check timestamps against this time (UTC seconds since 1970)."_s,
                   u"seconds"_s);
    return option;
}

core::Error usage(const QString &message)
{
    return {u"cli.invalid_option"_s, message};
}

core::Result<QList<QByteArray>> readSecrets(const QCommandLineParser &parser)
{
    QList<QByteArray> secrets;
    for (const QString &path : parser.values(secretFileOption())) {
        core::Result<QByteArray> value = readInputFile(path, u"the secret"_s, maxSecretBytes);
        if (!value)
            return core::fail(value.error());
        if (value->endsWith('\n'))
            value->chop(1);
        if (value->endsWith('\r'))
            value->chop(1);
        secrets << *value;
    }
    for (const QString &name : parser.values(secretEnvOption())) {
        if (!qEnvironmentVariableIsSet(name.toLocal8Bit().constData())) {
            return core::fail(u"cli.missing_secret"_s,
                              u"the environment variable %1 is not set"_s.arg(name));
        }
        secrets << qgetenv(name.toLocal8Bit().constData());
    }
    if (secrets.isEmpty()) {
        return core::fail(u"cli.missing_option"_s,
                          u"give the secret with --secret-file FILE or --secret-env VAR"_s);
    }
    return secrets;
}

void printText(QTextStream &out, const core::Examination &examination)
{
    const core::VerificationResult &v = examination.verification;
    out << (v.verified()                                               ? "Verified"
            : v.verdict == core::VerificationResult::Verdict::Unsigned ? "Unsigned"
                                                                       : "Not verified")
        << " (" << examination.reason << ")\n";
    if (!v.scheme.isEmpty())
        out << "  scheme:     " << v.scheme << "\n";
    if (!v.headerName.isEmpty())
        out << "  header:     " << v.headerName << ": " << v.headerValue << "\n";
    if (v.signedLength >= 0)
        out << "  signed:     " << v.signedLength << " bytes, beginning " << v.signedPrefix << "\n";
    if (!v.timestamp.isEmpty()) {
        out << "  timestamp:  " << v.timestamp;
        if (v.skewSeconds)
            out << " (" << *v.skewSeconds << " s old"
                << (v.toleranceSeconds ? u", tolerance %1 s"_s.arg(*v.toleranceSeconds) : QString())
                << ")";
        out << "\n";
    }
    if (v.matchedSecretSlot >= 0)
        out << "  secret:     #" << v.matchedSecretSlot + 1 << " of " << v.secretsTried << "\n";
    for (const core::VerificationResult::Note &note : v.notes)
        out << "  note:       " << note.message << "\n";
    if (!examination.explanation.isEmpty())
        out << "\n" << examination.explanation << "\n";
    out.flush();
}

} // namespace

core::Result<void> parseHeadersFile(const QByteArray &text, core::RawRequest &request)
{
    QByteArray target;
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QByteArray line = lines.at(i);
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.trimmed().isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon < 0 && request.headers.isEmpty() && target.isEmpty()) {
            // A request line: "POST /hooks/7?x=1 HTTP/1.1".
            const QList<QByteArray> parts = line.split(' ');
            if (parts.size() == 3 && parts.at(2).startsWith("HTTP/")) {
                request.method = parts.at(0);
                target = parts.at(1);
                continue;
            }
        }
        const QByteArray name = colon > 0 ? line.left(colon) : QByteArray();
        if (name.isEmpty() || name.contains(' ') || name.contains('\t')) {
            return core::fail(u"cli.invalid_headers_file"_s,
                              u"line %1 of the headers file is not 'Name: value': '%2'"_s.arg(i + 1)
                                      .arg(QString::fromUtf8(line.left(80))));
        }
        request.headers.append({name, line.mid(colon + 1).trimmed()});
    }
    if (!target.isEmpty()) {
        const QByteArray host = request.header("Host").value_or("localhost");
        request.url = "http://" + host + target;
    }
    return {};
}

QString VerifyCommand::name() const
{
    return commandName;
}

QString VerifyCommand::summary() const
{
    return u"Verify one captured webhook request offline, as the receiver would."_s;
}

void VerifyCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addOptions({providerOption(), secretFileOption(), secretEnvOption(), headersOption(),
                       bodyOption(), urlOption(), methodOption(), nowOption(), jsonOption()});
}

std::optional<int> VerifyCommand::run(const QCommandLineParser &parser, CommandContext &context)
{
    const bool json = parser.isSet(jsonOption());
    QTextStream *jsonOut = json ? &context.out : nullptr;
    const auto refuse = [&](const core::Error &error) {
        return reportError(context.err, jsonOut, commandName, error, ExitUsage);
    };
    if (!parser.positionalArguments().isEmpty()) {
        return refuse({u"cli.wrong_arguments"_s, u"takes no arguments, got '%1' (see --help)"_s.arg(
                                                         parser.positionalArguments().join(u' '))});
    }
    for (const QCommandLineOption *required : {&providerOption(), &headersOption(), &bodyOption()})
        if (!parser.isSet(*required)) {
            return refuse({u"cli.missing_option"_s,
                           u"--%1 is required"_s.arg(required->names().first())});
        }

    const std::unique_ptr<core::ProviderCatalog> catalog = loadProviderCatalog(context.err,
                                                                               commandName);
    core::Result<core::ProviderProfile> profile = catalog->profile(parser.value(providerOption()));
    if (!profile)
        return refuse(profile.error());

    core::ExaminationInput input;
    input.profile = *profile;
    input.providerId = profile->id;
    input.request.method = "POST";
    core::Result<QByteArray> headers = readInputFile(parser.value(headersOption()),
                                                     u"the headers file"_s, maxHeadersBytes);
    if (!headers)
        return refuse(headers.error());
    if (core::Result<void> parsed = parseHeadersFile(*headers, input.request); !parsed)
        return refuse(parsed.error());
    core::Result<QByteArray> body = readInputFile(parser.value(bodyOption()), u"the body"_s,
                                                  maxBodyBytes);
    if (!body)
        return refuse(body.error());
    if (body->size() > maxBodyBytes)
        return refuse(usage(u"the body is larger than %1 bytes"_s.arg(maxBodyBytes)));
    input.request.body = *body;
    if (parser.isSet(methodOption()))
        input.request.method = parser.value(methodOption()).toUpper().toLatin1();
    if (parser.isSet(urlOption())) {
        if (const auto url = parseHttpUrl(parser.value(urlOption()), u"url"_s); !url)
            return refuse(url.error());
        input.signedUrl = parser.value(urlOption()).toUtf8();
        if (input.request.url.isEmpty())
            input.request.url = input.signedUrl;
    }
    if (input.request.url.isEmpty())
        input.request.url = "http://" + input.request.header("Host").value_or("localhost") + "/";
    if (input.request.header("Content-Encoding").value_or(QByteArray()).trimmed().toLower()
        == "gzip")
        input.encoding = core::RequestHead::Encoding::Gzip;
    input.maxDecodedBytes = maxBodyBytes;

    core::Result<QList<QByteArray>> secrets = readSecrets(parser);
    if (!secrets)
        return refuse(secrets.error());
    input.secrets = *secrets;
    input.handshakeSecrets.signingSecret = secrets->first();

    input.nowMs = core::SystemClock::instance()->nowMs();
    if (parser.isSet(nowOption())) {
        bool ok = false;
        const qint64 seconds = parser.value(nowOption()).toLongLong(&ok);
        if (!ok || seconds < 0) {
            return refuse(usage(u"--now expects UTC seconds since 1970, got '%1'"_s.arg(
                    parser.value(nowOption()))));
        }
        input.nowMs = seconds * 1000;
    }

    const core::Examination examination = core::examine(input);
    if (examination.bodyError)
        return refuse(*examination.bodyError);
    if (json) {
        QJsonObject object = verificationJson(examination.verification);
        object.insert(u"provider"_s, profile->id);
        object.insert(u"reason"_s, examination.reason);
        object.insert(u"explanation"_s, examination.explanation);
        if (!examination.eventType.isEmpty())
            object.insert(u"event_type"_s, examination.eventType);
        writeJson(context.out, object);
    } else {
        printText(context.out, examination);
    }
    return examination.verification.verified() ? ExitOk : ExitNegative;
}

} // namespace wb::cli
