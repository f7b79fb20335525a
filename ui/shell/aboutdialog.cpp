// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/shell/aboutdialog.h"

#include "core/util/buildinfo.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QVBoxLayout>
#include <qcustomplot.h>

using namespace Qt::StringLiterals;

namespace wb::ui {

QStringList AboutDialog::componentVersions()
{
    namespace bi = core::buildinfo;
    return {
            u"Qt %1"_s.arg(bi::qtVersion()),
            u"QtKeychain %1"_s.arg(bi::keychainVersion()),
            bi::opensslVersion(),
            u"libsodium %1"_s.arg(bi::sodiumVersion()),
            u"QCustomPlot %1"_s.arg(QString::fromLatin1(QCUSTOMPLOT_VERSION_STR)),
    };
}

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About Wirebench"));
    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(u":/icons/wirebench.svg"_s).pixmap(QSize(64, 64), devicePixelRatioF()));
    icon->setAlignment(Qt::AlignHCenter);

    auto *text = new QLabel(this);
    text->setObjectName(u"aboutText"_s);
    text->setTextFormat(Qt::RichText);
    text->setWordWrap(true);
    text->setOpenExternalLinks(true);
    text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    text->setText(
            u"<h2>Wirebench %1</h2><p>%2</p><p>%3</p><p><b>%4</b><br>%5</p><p>%6</p>"_s
                    .arg(core::buildinfo::version(),
                         tr("A workbench for integration engineers: onboard tenants with OAuth, "
                            "inspect and re-deliver webhooks, and see why deliveries are slow or "
                            "failing."),
                         tr("Copyright © 2026 the Wirebench developers."), tr("Running on"),
                         componentVersions().join(u"<br>"_s),
                         tr("Wirebench is free software: you can redistribute it and/or modify it "
                            "under the terms of the GNU General Public License, version 3 or (at "
                            "your option) any later version (GPL-3.0-or-later). QCustomPlot is "
                            "licensed under the GPL-3.0.")));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(icon);
    layout->addWidget(text);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

} // namespace wb::ui
