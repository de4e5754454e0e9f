using System;
using System.Net.Http;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace LiveStream.Http
{
    /// <summary>
    /// Repeats transient failures (<see cref="AttemptFailure"/>) of calls that are safe to repeat, at most
    /// MaxRetries times, waiting a jittered exponential back-off or the server's Retry-After (both capped at MaxDelay).
    /// All attempts and waits together stay within the retry budget (or one timeout, when that is longer): each attempt
    /// gets the connection's timeout or what is left of the budget, whichever is less, and no retry starts whose wait
    /// would reach the end of the budget. A request that may have acted is never sent again unless the server said it
    /// refused before acting; once an attempt that may have acted was repeated, the call says so
    /// (<see cref="HttpCall.EarlierAttemptMayHaveActed"/>). The last answer or failure is handed on as it came.
    /// </summary>
    internal sealed class RetryHandler : DelegatingHandler
    {
        private readonly HttpSettings _settings;
        private readonly Func<bool> _isClosed;

        public RetryHandler(HttpSettings settings, Func<bool> isClosed)
        {
            _settings = settings;
            _isClosed = isClosed;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var call = HttpCall.Of(request);
            var clock = _settings.Clock;
            var timeoutLength = _settings.Timeout;
            var began = clock.Now;
            var budget = _settings.RetryBudget > timeoutLength ? _settings.RetryBudget : timeoutLength;
            for (var attempt = 0; ; attempt++)
            {
                if (_isClosed())
                {
                    throw new ConnectionClosedException(sent: false);
                }

                var left = budget - (clock.Now - began);
                call.AttemptLimit = left < timeoutLength ? left : timeoutLength;
                call.CutByBudget = call.AttemptLimit < timeoutLength ? budget : (TimeSpan?)null;
                AttemptFailure failure;
                HttpResponseMessage? refused = null;
                ExceptionDispatchInfo? thrown = null;
                // The first attempt sends the call's own message; a retry a fresh one made the same way, so that the
                // inner handlers (the credential's headers) act on each message once.
                using (var timeout = clock.StartTimeout(call.AttemptLimit > TimeSpan.Zero ? call.AttemptLimit : TimeSpan.Zero))
                using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
                using (var retryMessage = attempt == 0 ? null : call.NewMessage())
                {
                    var attemptMessage = retryMessage ?? request;
                    try
                    {
                        var response = await base.SendAsync(attemptMessage, linked.Token).ConfigureAwait(false);
                        var status = AttemptFailure.OfStatus(response, call.Request, clock);
                        if (status == null)
                        {
                            return response;
                        }

                        (failure, refused) = (status, response);
                    }
                    catch (AnswerReadException read) when (cancellationToken.IsCancellationRequested &&
                        read.InnerException is OperationCanceledException cancelled)
                    {
                        ExceptionDispatchInfo.Capture(cancelled).Throw();
                        throw;
                    }
                    catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                    {
                        throw;
                    }
                    catch (Exception exception) when (!_isClosed() && AttemptFailure.OfException(exception, call) is { } transient)
                    {
                        (failure, thrown) = (transient, ExceptionDispatchInfo.Capture(exception));
                    }
                }

                if (refused != null && _isClosed())
                {
                    refused.Dispose();
                    throw new ConnectionClosedException(sent: true);
                }

                var delay = RetryDelay(attempt, failure.RetryAfter);
                var canRetry = failure.SafeToRepeat && attempt < _settings.MaxRetries && clock.Now - began + delay < budget;
                if (!canRetry)
                {
                    thrown?.Throw();
                    return refused!;
                }

                refused?.Dispose();
                call.EarlierAttemptMayHaveActed |= failure.MayHaveActed;
                if (call.Trace?.WantsVerbose == true)
                {
                    call.Trace.Verbose($"{call.VendorName} {call.Request.Endpoint}: {failure.Reason}; retry {attempt + 1} of " +
                        $"{_settings.MaxRetries} in {delay.TotalMilliseconds:0} ms.");
                }

                try
                {
                    await clock.Delay(delay, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (_isClosed())
                {
                    throw new ConnectionClosedException(sent: false);
                }
            }
        }

        /// <summary>The server's Retry-After, else the exponential back-off for this attempt with jitter in its upper half.</summary>
        private TimeSpan RetryDelay(int attempt, TimeSpan? retryAfter)
        {
            if (retryAfter.HasValue)
            {
                return retryAfter.Value < _settings.MaxDelay ? retryAfter.Value : _settings.MaxDelay;
            }

            var exponential = _settings.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt);
            var capped = Math.Min(exponential, _settings.MaxDelay.TotalMilliseconds);
            return TimeSpan.FromMilliseconds(capped / 2 + capped / 2 * _settings.Clock.NextJitter());
        }
    }
}
