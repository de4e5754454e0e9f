using System;
using System.Linq;
using System.Reflection;

namespace LiveStream.Commands
{
    /// <summary>
    /// Marks a parameter of a vendor-neutral cmdlet that only Sigma has a meaning for; the cmdlet refuses it for a
    /// connection of another vendor.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class SigmaOnlyAttribute : Attribute
    {
        /// <summary>The names of the Sigma-only parameters of a cmdlet class.</summary>
        public static string[] ParameterNames(Type cmdletType) =>
            cmdletType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(property => property.IsDefined(typeof(SigmaOnlyAttribute), inherit: true))
                .Select(property => property.Name)
                .ToArray();
    }
}
