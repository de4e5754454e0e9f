using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using LiveStream.Http;

namespace LiveStream.Commands
{
    /// <summary>
    /// A cmdlet that makes one vendor call per pipeline item. Calls run concurrently up to -ThrottleLimit; results
    /// and error records are written from the pipeline thread in input order; ShouldProcess is asked before a call is
    /// sent; Ctrl+C cancels every call in flight; one item's failure is its own error record and the others go on.
    /// </summary>
    public abstract class PerItemCmdlet : VendorCmdlet
    {
        public const int DefaultThrottleLimit = 4;

        private readonly Queue<PendingItem> _inFlight = new Queue<PendingItem>();

        // True while an item's results are written: its errors belong exactly there, not behind the items after it.
        private bool _finishing;

        /// <summary>How many calls may be in flight at once. 1 runs items strictly one after another.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public virtual int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        /// <summary>
        /// Sends <paramref name="call"/> for one item (after ShouldProcess on <paramref name="description"/>, when
        /// <paramref name="action"/> is given) and arranges for <paramref name="complete"/> to run with its result, in
        /// input order, on the pipeline thread. <paramref name="target"/> is what an error record names.
        /// </summary>
        protected void Dispatch<T>(object target, string? action, Func<CancellationToken, Task<T>> call, Action<T> complete,
            string? description = null)
        {
            if (action != null && !ShouldProcess(description ?? target.ToString(), action))
            {
                return;
            }

            while (_inFlight.Count >= ThrottleLimit)
            {
                Finish(_inFlight.Dequeue());
            }

            Task<T> task;
            try
            {
                task = call(StopToken);
            }
            catch (Exception exception) when (!(exception is PipelineStoppedException))
            {
                task = Task.FromException<T>(exception);
            }

            _inFlight.Enqueue(new PendingItem(target, task, () => complete(task.GetAwaiter().GetResult())));
        }

        protected void Dispatch(object target, string? action, Func<CancellationToken, Task> call, Action complete,
            string? description = null) =>
            Dispatch(target, action, async token =>
            {
                await call(token).ConfigureAwait(false);
                return true;
            }, _ => complete(), description);

        /// <summary>
        /// Writes the error record of an item that fails before any call (a malformed id, say) after the results of the
        /// items before it, so that output and errors keep input order.
        /// </summary>
        protected internal void WriteErrorInOrder(ErrorRecord record)
        {
            if (_inFlight.Count == 0 || _finishing)
            {
                WriteError(record);
                return;
            }

            _inFlight.Enqueue(new PendingItem(record.TargetObject ?? record, Task.CompletedTask, () => WriteError(record)));
        }

        protected internal override void WriteItemError(ErrorRecord record) => WriteErrorInOrder(record);

        /// <summary>Writes the results of every call still in flight. Subclasses that override must call it.</summary>
        protected override void EndProcessing()
        {
            while (_inFlight.Count > 0)
            {
                Finish(_inFlight.Dequeue());
            }
        }

        private void Finish(PendingItem item)
        {
            WaitFor(item.Task);
            _finishing = true;
            try
            {
                item.Complete();
            }
            catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            catch (LiveStreamApiException exception)
            {
                WriteApiError(exception, item.Target);
            }
            finally
            {
                _finishing = false;
            }
        }

        private sealed class PendingItem
        {
            public PendingItem(object target, Task task, Action complete)
            {
                Target = target;
                Task = task;
                Complete = complete;
            }

            public object Target { get; }

            public Task Task { get; }

            public Action Complete { get; }
        }
    }
}
