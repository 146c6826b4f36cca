// SPDX-License-Identifier: MIT
#include "sparsenas/base/commandqueue.h"

namespace sparsenas {

std::string toString(Command::Type type)
{
    switch (type) {
    case Command::Type::Pause:
        return "pause";
    case Command::Type::Resume:
        return "resume";
    case Command::Type::Stop:
        return "stop";
    case Command::Type::SetLambda:
        return "set lambda";
    case Command::Type::SetAlpha:
        return "set alpha";
    case Command::Type::SetLambdaStep:
        return "set lambda step";
    case Command::Type::Checkpoint:
        return "checkpoint";
    case Command::Type::Rollback:
        return "rollback";
    }
    return "?";
}

void CommandQueue::push(Command command)
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_queue.push_back(command);
    }
    m_cv.notify_all();
}

std::deque<Command> CommandQueue::takeAll()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    std::deque<Command> out;
    out.swap(m_queue);
    return out;
}

std::deque<Command> CommandQueue::waitAndTakeAll()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    m_cv.wait(lock, [this] { return !m_queue.empty(); });
    std::deque<Command> out;
    out.swap(m_queue);
    return out;
}

} // namespace sparsenas
