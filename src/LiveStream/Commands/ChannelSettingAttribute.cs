using System;
using System.Linq;
using System.Reflection;

namespace LiveStream.Commands
{
    /// <summary>
    /// Marks a parameter of New-LiveChannel that goes into the channel's settings beyond its name, which only a vendor
    /// with ChannelFeatures.ChannelSettings takes; the cmdlet refuses it for a connection of another vendor.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class ChannelSettingAttribute : Attribute
    {
        /// <summary>The names of the setting parameters of a cmdlet class.</summary>
        public static string[] ParameterNames(Type cmdletType) =>
            cmdletType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(property => property.IsDefined(typeof(ChannelSettingAttribute), inherit: true))
                .Select(property => property.Name)
                .ToArray();
    }
}
