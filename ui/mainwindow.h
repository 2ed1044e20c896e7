#pragma once

#include <QMainWindow>

class QLabel;
class QListView;
class QSplitter;
class QStackedWidget;
class QTreeView;
class QStandardItemModel;

namespace tidemark::ui {

/// Tidemark's main window: sidebar, item list and editor in one splitter, a status bar for the
/// sync state. It arranges panes; what they show comes from models owned elsewhere.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

    [[nodiscard]] QTreeView *sidebar() const { return m_sidebar; }
    [[nodiscard]] QListView *itemList() const { return m_itemList; }
    [[nodiscard]] QStackedWidget *editorPane() const { return m_editorPane; }

private:
    void createMenus();
    void createPanes();
    void createStatusBar();
    void showAbout();

    QSplitter *m_splitter = nullptr;
    QTreeView *m_sidebar = nullptr;
    QStandardItemModel *m_sidebarModel = nullptr;
    QListView *m_itemList = nullptr;
    QStackedWidget *m_editorPane = nullptr;
    QLabel *m_syncState = nullptr;
};

} // namespace tidemark::ui
