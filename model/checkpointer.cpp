#include "checkpointer.h"

#include "store.h"

#include <QTimer>

namespace tidemark::model {

Checkpointer::Checkpointer(QString path, int intervalMs, QObject *parent)
    : QObject(parent)
    , m_path(std::move(path))
    , m_intervalMs(intervalMs)
{
}

Checkpointer::~Checkpointer() = default;

void Checkpointer::start()
{
    if (!m_store) {
        auto store = Store::open(m_path);
        if (!store) {
            Q_EMIT failed(store.error().message);
            return;
        }
        m_store = std::move(*store);
    }
    if (!m_timer) {
        m_timer = new QTimer(this);
        connect(m_timer, &QTimer::timeout, this, &Checkpointer::run);
    }
    m_timer->start(m_intervalMs);
}

void Checkpointer::stop()
{
    if (m_timer)
        m_timer->stop();
    if (m_store)
        run(); // leave a short log behind
    m_store.reset();
}

void Checkpointer::run()
{
    if (!m_store)
        return;
    if (auto done = m_store->checkpoint(); !done)
        Q_EMIT failed(done.error().message);
    else
        ++m_runs;
}

} // namespace tidemark::model
