using System;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using LiveStream.Http;
using LiveStream.Model;
using LiveStream.Watching;

namespace LiveStream.Commands
{
    /// <summary>-Follow: every followed session or channel polled in rounds until each is done.</summary>
    public sealed partial class GetLiveSessionEventCommand
    {
        /// <summary>
        /// Polls every followed session (or channel) until each has ended, -TimeoutSec passes or -First is satisfied.
        /// A poll that fails while the service is down or busy is tried again at the next round.
        /// </summary>
        private void FollowAll()
        {
            var backoff = new PollBackoff();
            var timeout = TimeoutGiven ? TimeSpan.FromSeconds(TimeoutSec) : (TimeSpan?)null;
            while (true)
            {
                var left = timeout - _clock!.Elapsed;
                if (left <= TimeSpan.Zero)
                {
                    WriteVerbose($"Stopped following after {TimeoutSec} s (-TimeoutSec).");
                    return;
                }

                using var round = CancellationTokenSource.CreateLinkedTokenSource(StopToken);
                if (left.HasValue)
                {
                    round.CancelAfter(left.Value);
                }

                var active = _followed.Where(followed => !followed.Follower.Done).ToList();
                var polls = active.Select(followed => followed.Follower.PollAsync(round.Token)).ToList();
                var anyNews = false;
                for (var i = 0; i < active.Count; i++)
                {
                    var (follower, target) = active[i];
                    try
                    {
                        WaitFor(polls[i]);
                        var news = polls[i].GetAwaiter().GetResult();
                        anyNews |= news.Count > 0;
                        foreach (var sessionEvent in news)
                        {
                            if (!WriteFollowed(sessionEvent))
                            {
                                return;
                            }
                        }

                        if (follower.NotStartedStatus != null)
                        {
                            WriteInputError(ErrorIds.NoSession, ChannelSession.CannotFollow(target, follower.NotStartedStatus),
                                ErrorCategory.InvalidArgument, target);
                        }
                    }
                    catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
                    {
                        throw new PipelineStoppedException();
                    }
                    catch (OperationCanceledException)
                    {
                        // -TimeoutSec ran out during the poll: the next round says so.
                    }
                    catch (LiveStreamApiException exception) when (PollBackoff.IsPassing(exception))
                    {
                        WriteVerbose($"Following {target}: {exception.Message} Trying again.");
                    }
                    catch (LiveStreamApiException exception)
                    {
                        follower.Done = true;
                        WriteApiError(exception, target);
                    }
                }

                if (_followed.All(followed => followed.Follower.Done))
                {
                    return;
                }

                if (anyNews)
                {
                    backoff.Changed();
                }
                else
                {
                    backoff.Unchanged();
                }

                var pause = left.HasValue && left.Value < backoff.Next ? left.Value : backoff.Next;
                Await(token => Task.Delay(pause, token));
            }
        }

        /// <summary>Writes one followed event unless -Action leaves it out or -Skip passes it; false once -First is met.</summary>
        private bool WriteFollowed(LiveSessionEvent sessionEvent)
        {
            var actions = Actions;
            if (actions != null && !actions.Contains(sessionEvent.Action?.ToLowerInvariant()))
            {
                return true;
            }

            if (_skipLeft > 0)
            {
                _skipLeft--;
                return true;
            }

            WriteObject(sessionEvent);
            return ++_written < PagingParameters.First;
        }
    }
}
