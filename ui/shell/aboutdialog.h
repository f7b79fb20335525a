// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

namespace wb::ui {

// Help → About Wirebench: version, the versions of the libraries it runs on, and the licence.
class AboutDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AboutDialog)

public:
    explicit AboutDialog(QWidget *parent = nullptr);

    // The versions shown, one "Library version" line each (also used by tests).
    static QStringList componentVersions();
};

} // namespace wb::ui
