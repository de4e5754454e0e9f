using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using LiveStream.Model;

namespace LiveStream.Commands
{
    /// <summary>
    /// Turns what is given to -SessionId into session ids: a string stays as it is, a session gives its Id, an event, a
    /// status or another object with a SessionId property gives that. A channel passes unchanged, so that it fails to
    /// bind here and binds -Channel instead; anything else is refused, so that no object piped by value (a date, a row)
    /// reaches the parameter through its ToString().
    /// </summary>
    public sealed class SessionIdTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value == null || value is string || value is string[])
            {
                return inputData;
            }

            if (!(value is IList list))
            {
                return IdOf(inputData);
            }

            var ids = new List<object?>();
            foreach (var item in list)
            {
                ids.Add(IdOf(item));
            }

            return ids.TrueForAll(id => id == null || id is string) ? ids.ConvertAll(id => (string?)id).ToArray() : (object)ids.ToArray();
        }

        private static object? IdOf(object? item)
        {
            var value = item is PSObject wrapped ? wrapped.BaseObject : item;
            switch (value)
            {
                case null:
                    return null;
                case string id:
                    return id;
                case Guid guid:
                    return guid.ToString();
                case LiveSession session:
                    return session.Id;
                case LiveSessionEvent sessionEvent:
                    return sessionEvent.SessionId;
                case LiveSessionStatus status:
                    return status.SessionId;
                case LiveChannel _:
                    return item;
                case object _ when PSObject.AsPSObject(item).Properties["SessionId"]?.Value is string sessionId:
                    return sessionId;
                default:
                    throw new ArgumentTransformationMetadataException(
                        $"A {value.GetType().Name} is not a session id. Give a session id, a session (Get-LiveSession) " +
                        "or, with -Channel, a channel.");
            }
        }
    }
}
