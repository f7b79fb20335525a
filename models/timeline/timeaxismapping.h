// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace wb::models {

// The time axis of a plot: which UTC milliseconds the pixels [leftPx, leftPx + widthPx] show.
// A pure value (after hotspot's time axis): the worker thread sizes its bins with it and the view
// hit-tests markers with it, neither of which may touch the plot widget.
struct TimeAxisMapping
{
    qint64 fromMs = 0; // UTC ms at leftPx
    qint64 toMs = 0;   // UTC ms at leftPx + widthPx
    double leftPx = 0;
    double widthPx = 0;

    bool isValid() const { return toMs > fromMs && widthPx > 0; }
    qint64 durationMs() const { return toMs - fromMs; }
    // Milliseconds one pixel covers; 0 when invalid.
    double msPerPixel() const;
    // The pixel (fractional, may lie outside the plot) that shows `ms`.
    double toPixel(qint64 ms) const;
    // The millisecond shown at pixel `px`, rounded to the nearest ms.
    qint64 msAtPixel(double px) const;
    // The width in ms of a bin `pixels` wide: at least 1 ms.
    qint64 binMs(double pixels) const;
    // The same axis scrolled by `pixels` (positive: later times) or zoomed by `factor` around
    // the pixel `centerPx` (factor < 1 zooms in). Used for keyboard pan and zoom.
    TimeAxisMapping panned(double pixels) const;
    TimeAxisMapping zoomed(double factor, double centerPx) const;
};

} // namespace wb::models
