#pragma once

#include <QKeySequence>
#include <QObject>
#include <QString>

class QAction;

namespace tidemark::ui {

/// Quick Entry from anywhere on the desktop: a global shortcut (Ctrl+Alt+Space by default)
/// registered with the desktop's shortcut service through KDE Frameworks' GlobalAccel, where the
/// desktop runs one (Plasma, or kglobalaccel elsewhere). Where it does not, or the build has no
/// GlobalAccel, it says why; Quick Entry then works inside the window (Ctrl+Shift+A) and from the
/// tray icon. The desktop's own settings change the keys.
class GlobalShortcut final : public QObject
{
    Q_OBJECT

public:
    explicit GlobalShortcut(QObject *parent = nullptr);
    ~GlobalShortcut() override;

    static QKeySequence defaultKeys() { return QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Space); }

    /// Whether the desktop took the shortcut.
    [[nodiscard]] bool isActive() const { return m_active; }
    /// For a person: the keys that work from anywhere, or why there are none.
    [[nodiscard]] QString description() const;

Q_SIGNALS:
    void triggered();

private:
    QAction *m_action = nullptr;
    bool m_active = false;
    QString m_problem; ///< why there is no global shortcut
    QKeySequence m_keys;
};

} // namespace tidemark::ui
