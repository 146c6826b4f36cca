// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <string>

namespace sparsenas {

/// What a user can ask of a running search. The engine applies commands between steps.
struct Command
{
    enum class Type {
        Pause,
        Resume,
        Stop,
        SetLambda,
        SetAlpha,
        SetLambdaStep,
        Checkpoint,
        Rollback ///< back to the last checkpoint, paused (after a collapse, say)
    };
    Type type;
    double value = 0.0;
};
std::string toString(Command::Type type);
/// The names of a posted command's file (RunDirectory::postCommand): pause, resume, stop,
/// checkpoint, rollback, lambda, alpha, lambda_step.
std::string commandName(Command::Type type);
std::optional<Command::Type> commandTypeFromName(const std::string &name);
/// Whether the command carries a value (lambda, alpha, lambda_step).
bool commandTakesValue(Command::Type type);

/// Thread-safe queue from any thread (the GUI) to the engine thread.
class CommandQueue
{
public:
    void push(Command command);
    void pause() { push({Command::Type::Pause}); }
    void resume() { push({Command::Type::Resume}); }
    void stop() { push({Command::Type::Stop}); }
    void setLambda(double v) { push({Command::Type::SetLambda, v}); }
    void setAlpha(double v) { push({Command::Type::SetAlpha, v}); }
    void setLambdaStep(double v) { push({Command::Type::SetLambdaStep, v}); }
    void checkpointNow() { push({Command::Type::Checkpoint}); }
    void rollback() { push({Command::Type::Rollback}); }

    /// Takes every queued command without waiting.
    std::deque<Command> takeAll();
    /// Blocks until a command arrives, then takes all of them.
    std::deque<Command> waitAndTakeAll();
    /// The same, waiting at most `timeout`: empty if none came.
    std::deque<Command> waitAndTakeAll(std::chrono::milliseconds timeout);

private:
    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::deque<Command> m_queue;
};

} // namespace sparsenas
