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

namespace {
const std::pair<Command::Type, const char *> kCommandNames[] = {
    {Command::Type::Pause, "pause"},       {Command::Type::Resume, "resume"},
    {Command::Type::Stop, "stop"},         {Command::Type::Checkpoint, "checkpoint"},
    {Command::Type::Rollback, "rollback"}, {Command::Type::SetLambda, "lambda"},
    {Command::Type::SetAlpha, "alpha"},    {Command::Type::SetLambdaStep, "lambda_step"}};
} // namespace

std::string commandName(Command::Type type)
{
    for (const auto &[t, name] : kCommandNames) {
        if (t == type)
            return name;
    }
    return "?";
}

std::optional<Command::Type> commandTypeFromName(const std::string &name)
{
    for (const auto &[t, n] : kCommandNames) {
        if (name == n)
            return t;
    }
    return std::nullopt;
}

bool commandTakesValue(Command::Type type)
{
    return type == Command::Type::SetLambda || type == Command::Type::SetAlpha ||
           type == Command::Type::SetLambdaStep;
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

std::deque<Command> CommandQueue::waitAndTakeAll(std::chrono::milliseconds timeout)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    m_cv.wait_for(lock, timeout, [this] { return !m_queue.empty(); });
    std::deque<Command> out;
    out.swap(m_queue);
    return out;
}

} // namespace sparsenas
