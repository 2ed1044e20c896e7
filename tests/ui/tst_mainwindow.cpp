#include "ui/mainwindow.h"
#include "ui/windowscreenshot.h"

#include <QImage>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QSignalSpy>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using tidemark::ui::MainWindow;

class TestMainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsThePanesSideBySide();
    void sidebarListsTheViews();
    void statusBarSaysLocalOnly();
    void screenshotWritesAPictureOfTheWindow();
};

void TestMainWindow::showsThePanesSideBySide()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    auto *splitter = window.findChild<QSplitter *>(QStringLiteral("mainSplitter"));
    QVERIFY(splitter);
    QCOMPARE(splitter->count(), 3);
    QCOMPARE(splitter->widget(0), window.sidebar());
    QCOMPARE(splitter->widget(1), window.itemList());
    QCOMPARE(splitter->widget(2), window.editorPane());

    for (QWidget *pane : {static_cast<QWidget *>(window.sidebar()),
                          static_cast<QWidget *>(window.itemList()),
                          static_cast<QWidget *>(window.editorPane())}) {
        QVERIFY2(pane->isVisible(), qPrintable(pane->objectName()));
        QVERIFY2(pane->width() > 100, qPrintable(pane->objectName()));
        QVERIFY2(pane->height() > 200, qPrintable(pane->objectName()));
    }
    // Left to right: sidebar, list, editor.
    QVERIFY(window.sidebar()->geometry().right() < window.itemList()->geometry().left());
    QVERIFY(window.itemList()->geometry().right() < window.editorPane()->geometry().left());
    QVERIFY(window.menuBar()->actions().size() >= 2);
}

void TestMainWindow::sidebarListsTheViews()
{
    MainWindow window;
    const QAbstractItemModel *model = window.sidebar()->model();
    QVERIFY(model);
    QStringList names;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex section = model->index(row, 0);
        names << section.data().toString();
        for (int child = 0; child < model->rowCount(section); ++child)
            names << model->index(child, 0, section).data().toString();
    }
    for (const char *expected : {"Today", "Upcoming", "Done", "Trash", "Collections", "Pending", "Conflicts"})
        QVERIFY2(names.contains(QLatin1StringView(expected)), expected);
}

void TestMainWindow::statusBarSaysLocalOnly()
{
    MainWindow window;
    auto *label = window.statusBar()->findChild<QLabel *>(QStringLiteral("syncStateLabel"));
    QVERIFY(label);
    QVERIFY(label->text().contains(QStringLiteral("Local only")));
}

void TestMainWindow::screenshotWritesAPictureOfTheWindow()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("shots/window.png"));

    MainWindow window;
    tidemark::ui::WindowScreenshot shot(&window, path);
    QSignalSpy saved(&shot, &tidemark::ui::WindowScreenshot::saved);
    window.show();
    QVERIFY(saved.wait(5000));
    QCOMPARE(saved.constFirst().constFirst().toString(), path);

    const QImage image(path);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), window.size() * window.devicePixelRatio());
    // Not a blank canvas: the panes draw different colours.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    QVERIFY2(colours.size() > 3, qPrintable(QString::number(colours.size())));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
