using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using LiveStream.Http;

namespace LiveStream.Commands
{
    /// <summary>
    /// What every LiveStream cmdlet shares: a cancellation token that Ctrl+C (StopProcessing) cancels, a way to wait
    /// for vendor calls while writing their verbose/debug messages from the pipeline thread, and the one place where
    /// a <see cref="LiveStreamApiException"/> becomes an <see cref="ErrorRecord"/>.
    /// </summary>
    public abstract partial class LiveStreamCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private readonly SemaphoreSlim _wakeUp = new SemaphoreSlim(0);
        private PipelineTrace? _trace;
        private bool _promptsChecked;
        private bool _hostFallback;

        protected internal CancellationToken StopToken => _stopping.Token;

        internal PipelineTrace Trace => _trace ??= new PipelineTrace(_wakeUp, Wants("Verbose"), Wants("Debug"));

        protected override void StopProcessing() => _stopping.Cancel();

        /// <summary>
        /// Runs a vendor call to the end on the pipeline thread, writing its messages as they come. Ctrl+C ends it at
        /// once with PipelineStoppedException.
        /// </summary>
        protected T Await<T>(Func<CancellationToken, Task<T>> call) => Await(call(StopToken));

        /// <summary>Waits for a vendor call already started with <see cref="StopToken"/>.</summary>
        protected internal T Await<T>(Task<T> task)
        {
            WaitFor(task);
            try
            {
                return task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>Blocks the pipeline thread until <paramref name="task"/> ends, writing trace messages as they come.</summary>
        internal void WaitFor(Task task)
        {
            if (!task.IsCompleted)
            {
                // Released on the thread that ends the task, not after a hop through the thread pool.
                task.ContinueWith(_ => _wakeUp.Release(), CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                while (!task.IsCompleted)
                {
                    _wakeUp.Wait();
                    FlushTrace();
                }
            }

            FlushTrace();
        }

        protected void Await(Func<CancellationToken, Task> call) =>
            Await(async token =>
            {
                await call(token).ConfigureAwait(false);
                return true;
            });

        /// <summary>
        /// Whether the Verbose or Debug stream is shown, by the switch on this command or the preference variable. -Debug
        /// shows verbose messages too, as PowerShell's -Debug does (without its prompt: see <see cref="NoPrompts"/>).
        /// </summary>
        private bool Wants(string stream)
        {
            if (MyInvocation.BoundParameters.TryGetValue(stream, out var given))
            {
                return given is SwitchParameter flag ? flag.IsPresent : LanguagePrimitives.IsTrue(given);
            }

            if (stream == "Verbose" && DebugGiven)
            {
                return true;
            }

            var preference = GetVariableValue(stream + "Preference");
            return preference is ActionPreference action
                ? action != ActionPreference.SilentlyContinue && action != ActionPreference.Ignore
                : preference != null && !string.Equals(preference.ToString(), "SilentlyContinue", StringComparison.OrdinalIgnoreCase);
        }

        private bool DebugGiven =>
            MyInvocation.BoundParameters.TryGetValue("Debug", out var debug) &&
            (debug is SwitchParameter flag ? flag.IsPresent : LanguagePrimitives.IsTrue(debug));

        /// <summary>Writes a verbose message; never a prompt, even with -Debug.</summary>
        protected internal new void WriteVerbose(string text)
        {
            NoPrompts();
            if (_hostFallback)
            {
                Host.UI.WriteVerboseLine(text);
                return;
            }

            base.WriteVerbose(text);
        }

        /// <summary>Writes a debug message; never a prompt, even with -Debug in Windows PowerShell.</summary>
        protected internal new void WriteDebug(string text)
        {
            NoPrompts();
            if (_hostFallback)
            {
                Host.UI.WriteDebugLine(text);
                return;
            }

            base.WriteDebug(text);
        }

        /// <summary>Writes a warning; never a prompt, even with -Debug.</summary>
        protected internal new void WriteWarning(string text)
        {
            NoPrompts();
            if (_hostFallback)
            {
                Host.UI.WriteWarningLine(text);
                return;
            }

            base.WriteWarning(text);
        }

        internal void FlushTrace()
        {
            if (_trace == null)
            {
                return;
            }

            while (_trace.TryDequeue(out var message))
            {
                switch (message.Level)
                {
                    case TraceLevel.Verbose:
                        WriteVerbose(message.Text);
                        break;
                    case TraceLevel.Debug:
                        WriteDebug(message.Text);
                        break;
                    default:
                        WriteWarning(message.Text);
                        break;
                }
            }
        }

        /// <summary>Runs the work for one item; a vendor failure becomes that item's error record and the pipeline goes on.</summary>
        protected void ForItem(object? target, Action work)
        {
            try
            {
                work();
            }
            catch (LiveStreamApiException exception)
            {
                WriteApiError(exception, target);
            }
        }

        /// <summary>One error record for one failed item; the pipeline goes on with the next item.</summary>
        protected void WriteApiError(LiveStreamApiException exception, object? target) =>
            WriteItemError(ApiErrorRecord(exception, target, MyInvocation.MyCommand.Name, !ShowsRecommendation()));

        /// <summary>
        /// The error record of a vendor failure: the message says what happened, RecommendedAction what to do. Hosts
        /// that do not print RecommendedAction (Windows PowerShell, pwsh before 7.5, any view but ConciseView) get the
        /// advice at the end of the message instead, so that every host shows it once.
        /// </summary>
        internal static ErrorRecord ApiErrorRecord(LiveStreamApiException exception, object? target, string? command = null,
            bool adviceInMessage = true)
        {
            var advice = ErrorAdvice.For(exception, command);
            var record = new ErrorRecord(exception, exception.ErrorId, CategoryOf(exception.Kind), target);
            record.ErrorDetails = new ErrorDetails(adviceInMessage ? exception.Message + " " + advice : exception.Message)
            {
                RecommendedAction = advice,
            };
            return record;
        }

        private bool? _showsRecommendation;

        /// <summary>True when the host's error view prints RecommendedAction (pwsh 7.5 and later, ConciseView).</summary>
        private bool ShowsRecommendation()
        {
            if (_showsRecommendation is bool known)
            {
                return known;
            }

            var versionTable = SessionState.PSVariable.GetValue("PSVersionTable") as System.Collections.IDictionary;
            var text = versionTable?["PSVersion"]?.ToString() ?? string.Empty;
            var dash = text.IndexOfAny(new[] { '-', '+' });
            var recent = Version.TryParse(dash > 0 ? text.Substring(0, dash) : text, out var version) &&
                version >= new Version(7, 5);
            var view = SessionState.PSVariable.GetValue("ErrorView")?.ToString();
            _showsRecommendation = recent && (string.IsNullOrEmpty(view) || string.Equals(view, "ConciseView", StringComparison.OrdinalIgnoreCase));
            return _showsRecommendation.Value;
        }

        protected void WriteInputError(string errorId, string message, ErrorCategory category, object? target) =>
            WriteItemError(new ErrorRecord(new ArgumentException(message), errorId, category, target));

        /// <summary>Writes the error record of one pipeline item (in input order, where items run concurrently).</summary>
        protected internal virtual void WriteItemError(ErrorRecord record) => WriteError(record);

        protected void ThrowInputError(string errorId, string message, ErrorCategory category, object? target) =>
            ThrowTerminatingError(new ErrorRecord(new ArgumentException(message), errorId, category, target));

        internal static ErrorCategory CategoryOf(ApiErrorKind kind) => kind switch
        {
            ApiErrorKind.AuthenticationFailed => ErrorCategory.AuthenticationError,
            ApiErrorKind.PermissionDenied => ErrorCategory.PermissionDenied,
            ApiErrorKind.NotFound => ErrorCategory.ObjectNotFound,
            ApiErrorKind.InvalidArgument => ErrorCategory.InvalidArgument,
            ApiErrorKind.Conflict => ErrorCategory.ResourceExists,
            ApiErrorKind.LimitsExceeded => ErrorCategory.LimitsExceeded,
            ApiErrorKind.Timeout => ErrorCategory.OperationTimeout,
            ApiErrorKind.InvalidResponse => ErrorCategory.InvalidResult,
            ApiErrorKind.OutcomeUnknown => ErrorCategory.OperationStopped,
            _ => ErrorCategory.ConnectionError,
        };

        public void Dispose()
        {
            _stopping.Dispose();
            _wakeUp.Dispose();
        }
    }
}
