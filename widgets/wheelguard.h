// SPDX-License-Identifier: MIT
#pragma once

// The mouse wheel changes a combo box, spin box or slider only while it has the keyboard focus.
// Scrolling through a form (the configuration, the export dialog) used to change every field
// that passed under the pointer: an optimizer went adam_hapg -> adam -> sgd -> hapg on its way
// down. Over an unfocused field the wheel now goes on to the widget around it, so the scroll
// area scrolls; a click (or Tab) on the field gives it the focus, and then the wheel steps it.

namespace sparsenas {

/// Installs the guard on the application, once (later calls do nothing): every combo box, spin
/// box and slider (scroll bars excepted), those that exist now and those polished later, gets
/// Qt::StrongFocus instead of Qt::WheelFocus (a wheel turn would otherwise focus it first), and
/// a wheel event over one without focus is left unaccepted for its parent.
void installWheelGuard();
/// Whether installWheelGuard() ran.
bool wheelGuardInstalled();

} // namespace sparsenas
