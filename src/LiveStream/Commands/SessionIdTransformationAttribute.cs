using LiveStream.Model;

namespace LiveStream.Commands
{
    /// <summary>
    /// -SessionId from the pipeline: a session gives its Id; an event, a status or another object with a SessionId
    /// property gives that. A channel passes on unchanged, so that it binds -Channel instead; anything else is refused.
    /// </summary>
    public sealed class SessionIdTransformationAttribute : PipelineInputTransformationAttribute
    {
        private static readonly string[] Properties = { "SessionId" };

        protected override string[] PropertyNames => Properties;

        protected override string Takes => "a session id";

        protected override string Advice =>
            "Give a session id, a session (Get-LiveSession), an event or a status, or pipe a channel (it binds -Channel).";

        protected override bool PassesOn(object moduleObject) => moduleObject is LiveChannel;

        protected override bool TryRead(object moduleObject, out string? value)
        {
            value = moduleObject switch
            {
                LiveSession session => session.Id,
                LiveSessionEvent sessionEvent => sessionEvent.SessionId,
                LiveSessionStatus status => status.SessionId,
                _ => null,
            };
            return moduleObject is LiveSession || moduleObject is LiveSessionEvent || moduleObject is LiveSessionStatus;
        }
    }
}
