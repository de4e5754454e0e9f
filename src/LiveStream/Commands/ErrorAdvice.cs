using System;
using LiveStream.Http;

namespace LiveStream.Commands
{
    /// <summary>
    /// What to do about a vendor failure, for the cmdlet it happened in and the kind of object the call was about
    /// (read from the call's endpoint): the RecommendedAction of its error record.
    /// </summary>
    internal static class ErrorAdvice
    {
        public static string For(LiveStreamApiException exception, string? command)
        {
            if (exception.OutcomeUnknown && exception.Kind != ApiErrorKind.OutcomeUnknown &&
                exception.Kind != ApiErrorKind.InvalidResponse && exception.Kind != ApiErrorKind.NotConnected)
            {
                return "Check whether it took effect before repeating it.";
            }

            var connecting = string.Equals(command, "Connect-LiveStream", StringComparison.OrdinalIgnoreCase);
            switch (exception.Kind)
            {
                case ApiErrorKind.AuthenticationFailed:
                    return connecting
                        ? "Check the credential: for Sigma the username and secret key (with -AppId), for Theta the " +
                          "service account id (srvacc_...) and its secret."
                        : "The service no longer accepts this connection's credential; run Connect-LiveStream again " +
                          "with a valid one.";
                case ApiErrorKind.PermissionDenied:
                    return connecting
                        ? "The credential may not use this account; check -AppId (Sigma) or the service account id (Theta)."
                        : "This connection's account may not do this; give -Connection a connection of the account " +
                          "that owns the object.";
                case ApiErrorKind.NotFound:
                    return NotFound(exception.Endpoint);
                case ApiErrorKind.InvalidArgument:
                    return "Correct the values the message names and run " + (command ?? "the command") + " again.";
                case ApiErrorKind.Conflict:
                    return Conflict(command);
                case ApiErrorKind.LimitsExceeded:
                    return LimitsExceeded(exception.Endpoint) ?? "A vendor rate limit or quota was reached; wait a while and try again, or free a resource " +
                        "you no longer need.";
                case ApiErrorKind.ServerError:
                    return "The vendor service failed; try again later.";
                case ApiErrorKind.ConnectionFailed:
                    return connecting
                        ? "Check the network and -BaseUri."
                        : "Check the network and the connection's BaseUri (Get-LiveStreamConnection).";
                case ApiErrorKind.Timeout:
                    return connecting
                        ? "Try again, or give a larger -TimeoutSec."
                        : "Try again, or connect again with a larger timeout (Connect-LiveStream -TimeoutSec).";
                case ApiErrorKind.InvalidResponse:
                    return "The service answered with data the module cannot read; try again, and report it if it persists.";
                case ApiErrorKind.OutcomeUnknown:
                    return exception.Subject != null
                        ? $"Check with Get-LiveChannel -Name '{exception.Subject}' whether it exists before creating it again."
                        : "Check whether the object exists (Get-LiveChannel -Name <name>) before creating it again.";
                case ApiErrorKind.NotConnected:
                    return "Run Connect-LiveStream again, then pass the new connection with -Connection or read the objects " +
                        "again through it.";
                default:
                    return "Try again.";
            }
        }

        /// <summary>The quotas the module itself recognizes, by the call that met them.</summary>
        private static string? LimitsExceeded(string endpoint)
        {
            if (endpoint.StartsWith("GET /ingestor", StringComparison.Ordinal))
            {
                return "Wait and try again, or release a selection you no longer need (Disconnect-EdgeIngestor).";
            }

            if (endpoint.StartsWith("POST /stream", StringComparison.Ordinal))
            {
                return "A stream serves any number of broadcasts: start one of the account's streams " +
                    "(Get-LiveChannel -Connection <Theta connection>) instead of creating another.";
            }

            return null;
        }

        private static string NotFound(string endpoint)
        {
            if (endpoint == "GET /ingestor/filter")
            {
                return "Get-EdgeIngestor lists the Edge Ingestors the service shows.";
            }

            if (endpoint.IndexOf("/sessions", StringComparison.Ordinal) >= 0)
            {
                return "Check the session id: Get-LiveSession -ChannelId <channel id> lists a channel's sessions. " +
                    "-Connection must be the Sigma account the session belongs to.";
            }

            if (endpoint.IndexOf("/ingestor", StringComparison.Ordinal) >= 0)
            {
                return "Check the Edge Ingestor id: Get-EdgeIngestor lists the ingestors (-State Selected those selected).";
            }

            if (endpoint.IndexOf("/stream", StringComparison.Ordinal) >= 0)
            {
                return "Check the stream id: Get-LiveChannel -Connection <Theta connection> lists an account's streams. " +
                    "-Connection must be the service account that owns it.";
            }

            if (endpoint.IndexOf("/channels", StringComparison.Ordinal) >= 0)
            {
                return "Check the channel id: Get-LiveChannel lists the channels of the connected accounts. " +
                    "-Connection must be the account that owns it.";
            }

            return "Check the id, and that -Connection is the account it belongs to.";
        }

        private static string Conflict(string? command)
        {
            switch (command)
            {
                case "New-LiveChannel":
                    return "The vendor refused the channel as it stands; Get-LiveChannel shows what exists already.";
                case "Select-EdgeIngestor":
                    return "The ingestor is no longer free; Get-EdgeIngestor -State Available lists free ones, or leave " +
                        "out -Id to take the nearest.";
                case "Disconnect-EdgeIngestor":
                    return "The ingestor is not selected by this account; Get-EdgeIngestor -State Selected lists the selected ones.";
                default:
                    return "The object's current state does not allow this; read it again (Get-LiveChannel -Id <id>) " +
                        "and retry when its state allows.";
            }
        }
    }
}
