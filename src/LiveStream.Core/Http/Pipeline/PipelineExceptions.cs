using System;

namespace LiveStream.Http
{
    /// <summary>The answer's status arrived but its body did not (a timeout or a lost connection while reading it).</summary>
    internal sealed class AnswerReadException : Exception
    {
        public AnswerReadException(int status, Exception inner)
            : base("The answer could not be read.", inner)
        {
            Status = status;
        }

        public int Status { get; }
    }

    /// <summary>The connection was closed (disposed) before an attempt, or while a failed one was answered.</summary>
    internal sealed class ConnectionClosedException : Exception
    {
        public ConnectionClosedException(bool sent)
            : base("The connection was closed.")
        {
            Sent = sent;
        }

        /// <summary>Whether an attempt of the call had been sent.</summary>
        public bool Sent { get; }
    }
}
