using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using LiveStream.Model;

namespace LiveStream.Commands
{
    /// <summary>
    /// Turns what is given to -Id into channel ids: a channel object gives its Id, another object its ChannelId or Id
    /// property, a string stays as it is. PowerShell binds piped objects to the default parameter set first, so once a
    /// piped channel's Connection has bound there, the channel itself would otherwise reach -Id by value through
    /// ToString(), which is the channel's name.
    /// </summary>
    public sealed class ChannelIdTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value == null || value is string || value is string[])
            {
                return inputData!;
            }

            var items = value is IList list ? (IEnumerable)list : new[] { inputData };
            var ids = new List<object?>();
            foreach (var item in items)
            {
                ids.Add(IdOf(item));
            }

            // An array of the parameter's own type binds as it is, before any type conversion.
            return ids.TrueForAll(id => id is string) ? ids.ConvertAll(id => (string)id!).ToArray() : (object)ids.ToArray();
        }

        private static object? IdOf(object? item)
        {
            var value = item is PSObject wrapped ? wrapped.BaseObject : item;
            if (value == null || value is string)
            {
                return value;
            }

            if (value is LiveChannel channel)
            {
                return channel.Id;
            }

            var properties = PSObject.AsPSObject(item).Properties;
            var property = properties["ChannelId"] ?? properties["Id"];
            return property?.Value ?? item;
        }
    }
}
