#pragma once

#include <QObject>
#include <QString>

#include <memory>

class QTimer;

namespace tidemark::model {

class Store;

/// Keeps a store's write-ahead log short from a worker thread, so that saves on the UI thread
/// never pay for a checkpoint. Move it to its thread, then call start() there (queued): it opens
/// its own connection and checkpoints every `intervalMs`.
class Checkpointer final : public QObject
{
    Q_OBJECT

public:
    Checkpointer(QString path, int intervalMs, QObject *parent = nullptr);
    ~Checkpointer() override;

    void start();
    void stop();
    /// How many checkpoints ran; for tests and benchmarks.
    [[nodiscard]] int runs() const { return m_runs; }

Q_SIGNALS:
    void failed(const QString &reason);

private:
    void run();

    QString m_path;
    int m_intervalMs;
    int m_runs = 0;
    std::unique_ptr<Store> m_store;
    QTimer *m_timer = nullptr;
};

} // namespace tidemark::model
