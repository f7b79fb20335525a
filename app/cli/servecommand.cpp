// SPDX-License-Identifier: GPL-3.0-or-later
#include "servecommand.h"

#include "signalwatcher.h"

#include "core/inbound/receiver.h"

#include <QCommandLineParser>
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace wb::cli {

namespace {

const QCommandLineOption &listenOption()
{
    static const QCommandLineOption option(
            u"listen"_s,
            u"Address and port of the receiver (default 127.0.0.1:%1; port 0 picks a free one)."_s
                    .arg(core::Receiver::defaultPort),
            u"addr:port"_s);
    return option;
}

struct ListenAddress
{
    QHostAddress address;
    quint16 port = 0;
    bool ok = false;
};

ListenAddress parseListen(const QString &text)
{
    ListenAddress result;
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0)
        return result;
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    bool portOk = false;
    const uint port = text.mid(colon + 1).toUInt(&portOk);
    if (!portOk || port > 65535 || !result.address.setAddress(host))
        return result;
    result.port = static_cast<quint16>(port);
    result.ok = true;
    return result;
}

} // namespace

ServeCommand::ServeCommand() = default;
ServeCommand::~ServeCommand() = default;

QString ServeCommand::name() const
{
    return u"serve"_s;
}

QString ServeCommand::summary() const
{
    return u"Run the receiver and the dispatch core until SIGINT/SIGTERM."_s;
}

void ServeCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addOption(listenOption());
}

std::optional<int> ServeCommand::run(const QCommandLineParser &parser, CommandContext &context)
{
    ListenAddress listen{QHostAddress(QHostAddress::LocalHost), core::Receiver::defaultPort, true};
    if (parser.isSet(listenOption())) {
        listen = parseListen(parser.value(listenOption()));
        if (!listen.ok) {
            context.err << "wirebench-cli serve: --listen expects ADDR:PORT (for example "
                           "127.0.0.1:8480 or [::1]:0), got '"
                        << parser.value(listenOption()) << "'\n";
            context.err.flush();
            return ExitUsage;
        }
    }

    m_receiver = std::make_unique<core::Receiver>();
    const core::Result<void> listening = m_receiver->listen(listen.address, listen.port);
    if (!listening) {
        context.err << "wirebench-cli serve: " << listening.error().message << "\n";
        context.err.flush();
        return ExitRuntime;
    }

    context.out << m_receiver->baseUrl().toString() << "\n";
    context.out.flush();

    m_signals = std::make_unique<SignalWatcher>();
    QObject::connect(m_signals.get(), &SignalWatcher::terminationRequested, m_receiver.get(),
                     [this, &context](int signalNumber, int count) {
                         if (count > 1) {
                             context.err << "wirebench-cli serve: second signal, exiting now\n";
                             context.err.flush();
                             QCoreApplication::exit(128 + signalNumber);
                             return;
                         }
                         context.err << "wirebench-cli serve: draining and stopping\n";
                         context.err.flush();
                         m_receiver->close();
                         QCoreApplication::exit(ExitOk);
                     });
    return std::nullopt;
}

} // namespace wb::cli
