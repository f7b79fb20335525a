// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

#include <memory>

namespace wb::core {
class Receiver;
}
namespace wb::ui {
class MainWindow;
}

namespace wb::gui {

// Wires the GUI together: creates the core services the window shows (receiver, …), then the
// main window, and passes the services in. Owns both. Thread: main thread.
class GuiApplication final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuiApplication)

public:
    GuiApplication();
    ~GuiApplication() override;

    // Starts the services and shows the main window. Problems that do not prevent the window from
    // opening (receiver port in use) are shown in it rather than refused.
    void start();

    ui::MainWindow *mainWindow() const { return m_window.get(); }

private:
    void startReceiver();

    std::unique_ptr<core::Receiver> m_receiver;
    std::unique_ptr<ui::MainWindow> m_window;
};

// Sets the application's name, organisation, version and icon, and installs the translation for
// the user's locale (WIREBENCH_LANG overrides it, e.g. "de").
void initializeApplication();

} // namespace wb::gui
