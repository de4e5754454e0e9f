using System.Threading;
using System.Threading.Tasks;
using LiveStream.Http;
using LiveStream.Model;

namespace LiveStream.Theta
{
    /// <summary>Start and stop of a stream: Theta has no call for either, so they select and release Edge Ingestors.</summary>
    public sealed partial class ThetaClient
    {
        /// <summary>
        /// Start of a stream, desired-state: a stream with a selected Edge Ingestor is started already (AlreadySo, with
        /// that ingestor); otherwise the nearest available one is selected (Made, with the selection). When the select
        /// fails in a way that may mean it was done (a lost or unreadable answer), the stream is read back, and a
        /// selection found there is success (Confirmed, with its ingestor).
        /// </summary>
        public async Task<(ChangeOutcome Outcome, IngestorSelection? Selection, EdgeIngestor? Ingestor)> StartStreamAsync(
            string streamId, CancellationToken cancellationToken)
        {
            var selected = await FindSelectedIngestorAsync(streamId, cancellationToken).ConfigureAwait(false);
            if (selected != null)
            {
                return (ChangeOutcome.AlreadySo, null, selected);
            }

            try
            {
                return (ChangeOutcome.Made, await SelectNearestIngestorAsync(streamId, cancellationToken).ConfigureAwait(false), null);
            }
            catch (LiveStreamApiException failure) when (MayHaveBeenDone(failure))
            {
                var now = await ReadBackAsync(failure, streamId, cancellationToken).ConfigureAwait(false);
                return now != null ? (ChangeOutcome.Confirmed, null, now) : throw failure;
            }
        }

        /// <summary>
        /// Stop of a stream, desired-state: its Edge Ingestor is released (Made); a stream without one is stopped already
        /// (AlreadySo). When the release fails in a way that may mean it was done (a lost answer, a refused repeat), the
        /// stream is read back, and no selection there is success (Confirmed). The ingestor released is returned.
        /// </summary>
        public async Task<(ChangeOutcome Outcome, EdgeIngestor? Released)> StopStreamAsync(string streamId,
            CancellationToken cancellationToken)
        {
            var selected = await FindSelectedIngestorAsync(streamId, cancellationToken).ConfigureAwait(false);
            if (selected == null)
            {
                return (ChangeOutcome.AlreadySo, null);
            }

            try
            {
                await UnselectIngestorAsync(selected.Id, cancellationToken).ConfigureAwait(false);
                return (ChangeOutcome.Made, selected);
            }
            catch (LiveStreamApiException failure) when (MayHaveBeenDone(failure))
            {
                var now = await ReadBackAsync(failure, streamId, cancellationToken).ConfigureAwait(false);
                return now == null ? (ChangeOutcome.Confirmed, selected) : throw failure;
            }
        }

        private static bool MayHaveBeenDone(LiveStreamApiException failure) =>
            failure.Kind != ApiErrorKind.AuthenticationFailed && failure.Kind != ApiErrorKind.PermissionDenied &&
            failure.Kind != ApiErrorKind.NotFound;

        /// <summary>The stream's selected ingestor after <paramref name="failure"/>; a read that fails too reports the failure.</summary>
        private async Task<EdgeIngestor?> ReadBackAsync(LiveStreamApiException failure, string streamId,
            CancellationToken cancellationToken)
        {
            try
            {
                return await FindSelectedIngestorAsync(streamId, cancellationToken).ConfigureAwait(false);
            }
            catch (LiveStreamApiException)
            {
                throw failure;
            }
        }
    }
}
