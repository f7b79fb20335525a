// SPDX-License-Identifier: GPL-3.0-or-later
#include "servecommand.h"

#include "catalogloader.h"
#include "signalwatcher.h"
#include "workspacesession.h"

#include "core/inbound/flow/inboundpipeline.h"
#include "core/inbound/forwarding/inboundforwarder.h"
#include "core/inbound/receiver.h"
#include "core/providers/providercatalog.h"
#include "core/runtime/workspaceruntime.h"
#include "core/store/store.h"
#include "core/util/clock.h"
#include "core/util/futures.h"
#include "core/util/randomsource.h"
#include "core/util/workspacelocation.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

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

const QCommandLineOption &maxBodyOption()
{
    static const QCommandLineOption option(
            u"max-body-bytes"_s,
            u"Largest webhook body accepted, in bytes (default 26214400 = 25 MiB; 413 above)."_s,
            u"bytes"_s);
    return option;
}

const QCommandLineOption &publicUrlOption()
{
    static const QCommandLineOption option(
            u"public-url"_s,
            u"The public base URL the providers were given (a tunnel's), for signatures that "
            "cover the URL (Twilio, Square, HubSpot v3)."_s,
            u"url"_s);
    return option;
}

const QCommandLineOption &demoOption()
{
    static const QCommandLineOption option(
            u"demo"_s,
            u"On a workspace's first start, add the demo tenant \"Acme Corp (demo)\" with a GitHub "
            "connection, as the GUI does (never again once seeded or when it has tenants)."_s);
    return option;
}

const QCommandLineOption &masterKeyFileOption()
{
    static const QCommandLineOption option(
            u"master-key-file"_s,
            u"A sealed workspace's master key file (default: $WIREBENCH_MASTER_KEY_FILE, then the "
            "keychain)."_s,
            u"file"_s);
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
    parser.addOption(maxBodyOption());
    parser.addOption(publicUrlOption());
    parser.addOption(masterKeyFileOption());
    parser.addOption(demoOption());
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

    core::ReceiverSettings settings;
    if (parser.isSet(maxBodyOption())) {
        bool ok = false;
        const qint64 bytes = parser.value(maxBodyOption()).toLongLong(&ok);
        if (!ok || bytes < 1) {
            context.err << "wirebench-cli serve: --max-body-bytes expects a positive number of "
                           "bytes, got '"
                        << parser.value(maxBodyOption()) << "'\n";
            context.err.flush();
            return ExitUsage;
        }
        settings.framing.maxBodyBytes = bytes;
        settings.maxDecodedBodyBytes = std::max(settings.maxDecodedBodyBytes, bytes);
    }
    settings.publicBaseUrl = parser.value(publicUrlOption()).toUtf8();

    const core::Clock *clock = core::SystemClock::instance();
    // serve creates the workspace when there is none, like the GUI's first start.
    const bool exists = WorkspaceSession::workspaceExists(context.workspacePath);
    core::Result<std::unique_ptr<core::Store>> opened
            = core::openDefaultWorkspace(core::StoreServices{clock}, context.workspacePath);
    if (!opened) {
        context.err << "wirebench-cli serve: " << opened.error().message << "\n";
        context.err.flush();
        return ExitRuntime;
    }
    m_store = std::move(*opened);
    if (!exists) {
        context.err << "wirebench-cli serve: created a new workspace at " << context.workspacePath
                    << "\n";
        context.err.flush();
    }
    m_catalog = loadProviderCatalog(context.err, name());

    m_receiver = std::make_unique<core::Receiver>(settings);
    const core::Result<void> listening = m_receiver->listen(listen.address, listen.port);
    if (!listening) {
        context.err << "wirebench-cli serve: " << listening.error().message << "\n";
        if (listening.error().code == u"receiver.address_in_use"_s) {
            context.err << "Stop the other one, or listen elsewhere: --listen 127.0.0.1:0 picks a "
                           "free port (the first line printed is then the receiver's address).\n";
        }
        context.err.flush();
        return ExitRuntime;
    }
    // The first line (the base URL) is printed once webhooks are accepted.
    QObject::connect(m_receiver.get(), &core::Receiver::workspaceReady, m_receiver.get(),
                     [this, &context] {
                         if (core::InboundForwarder *forwarder = m_runtime->forwarder()) {
                             QObject::connect(m_receiver->pipeline(),
                                              &core::InboundPipeline::forwardingPending, forwarder,
                                              &core::InboundForwarder::pump);
                         }
                         context.out << m_receiver->baseUrl().toString() << "\n";
                         context.out.flush();
                     });
    QObject::connect(m_receiver.get(), &core::Receiver::workspaceLoadFailed, m_receiver.get(),
                     [&context](const core::Error &error) {
                         context.err << "wirebench-cli serve: " << error.message << "\n";
                         context.err.flush();
                         QCoreApplication::exit(ExitRuntime);
                     });
    // The receiver takes webhooks once the workspace's secrets are open (signatures need them);
    // without them it still stores what arrives, as unverifiable, and the dispatcher waits.
    m_runtime = std::make_unique<core::WorkspaceRuntime>(
            core::WorkspaceRuntimeServices{m_store.get(), m_catalog.get(), clock,
                                           core::SystemRandomSource::instance()});
    QObject::connect(m_runtime.get(), &core::WorkspaceRuntime::started, m_receiver.get(),
                     [this, clock] {
                         m_receiver->attachWorkspace(
                                 core::ReceiverServices{m_store.get(), m_catalog.get(), clock,
                                                        m_runtime->connectionSecrets()});
                     });
    QObject::connect(m_runtime.get(), &core::WorkspaceRuntime::startFailed, m_receiver.get(),
                     [this, clock, &context](const core::Error &error) {
                         context.err << "wirebench-cli serve: " << error.message
                                     << " Signed webhooks fail verification, and queued "
                                        "deliveries wait until the secrets can be opened.\n";
                         context.err.flush();
                         m_receiver->attachWorkspace(core::ReceiverServices{m_store.get(),
                                                                            m_catalog.get(), clock,
                                                                            nullptr});
                     });
    core::WorkspaceRuntimeOptions options;
    options.masterKey.keyFile = parser.value(masterKeyFileOption());
    if (parser.isSet(demoOption())) {
        // Seeded before the runtime starts, so the receiver routes to the demo connection.
        core::whenFinished(m_store->seedDemoWorkspace(), m_receiver.get(),
                           [this, options, &context](const core::Result<bool> &seeded) {
                               if (!seeded) {
                                   context.err << "wirebench-cli serve: no demo tenant: "
                                               << seeded.error().message << "\n";
                               } else if (*seeded) {
                                   context.err << "wirebench-cli serve: created the demo tenant "
                                                  "\"Acme Corp (demo)\" with a GitHub connection "
                                                  "(see 'wirebench-cli connections list')\n";
                               }
                               context.err.flush();
                               m_runtime->start(options);
                           });
    } else {
        m_runtime->start(options);
    }

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
                         m_runtime->stop();
                         drainThenExit();
                     });
    return std::nullopt;
}

void ServeCommand::drainThenExit()
{
    // Requests already taken are answered once their rows are durable, and running attempts are
    // recorded (an unrecorded one would be sent again when its lease expires); wait for both
    // (bounded), then exit. The Store commits whatever was submitted when it closes.
    QObject::connect(m_runtime.get(), &core::WorkspaceRuntime::stopped, m_receiver.get(),
                     [this] { m_runtimeStopped = true; });
    auto *timer = new QTimer(m_receiver.get());
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    QObject::connect(timer, &QTimer::timeout, m_receiver.get(), [this, timer, clock] {
        const core::InboundPipeline *pipeline = m_receiver->pipeline();
        const bool busy = !m_runtimeStopped || (pipeline && pipeline->eventsInProcessing() > 0);
        if (busy && clock->elapsed() < drainTimeoutMs)
            return;
        timer->stop();
        QCoreApplication::exit(ExitOk);
    });
    timer->start(10);
}

} // namespace wb::cli
