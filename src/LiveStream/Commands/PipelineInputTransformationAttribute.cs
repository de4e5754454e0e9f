using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using LiveStream.Model;

namespace LiveStream.Commands
{
    /// <summary>
    /// Turns what reaches a string parameter that takes pipeline input into that parameter's value: a string stays as it
    /// is, a number or a GUID becomes its text, one of the module's objects gives the property it carries for this
    /// parameter (or is refused), any other object gives the first of <see cref="PropertyNames"/> it has (a row of
    /// Import-Csv or ConvertFrom-Json, a hashtable), and everything else is refused with a binding error that says
    /// what the parameter takes. Without it, a string parameter with ValueFromPipeline takes any object through its
    /// ToString() (a date, an Edge Ingestor), and the command would send that text as an id or a name.
    /// </summary>
    /// <remarks>
    /// PowerShell tries pipeline binding by value before by property name, and runs the transformation in both; the
    /// refusal ends the binding of that item, so the properties an object may carry are read here.
    /// </remarks>
    public abstract class PipelineInputTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <summary>The properties read, in this order, from an object that is not one of the module's.</summary>
        protected abstract string[] PropertyNames { get; }

        /// <summary>What the parameter takes, for the error text: "a channel".</summary>
        protected abstract string Takes { get; }

        /// <summary>How to give it, for the error text.</summary>
        protected abstract string Advice { get; }

        /// <summary>The value one of the module's objects gives; false when the parameter does not take that type.</summary>
        protected abstract bool TryRead(object moduleObject, out string? value);

        /// <summary>The form in which a value given as text is sent (an id as the vendor writes it); by default as given.</summary>
        protected virtual string Normalize(string value) => value;

        /// <summary>
        /// True for one of the module's objects that another parameter of the command takes (a channel piped to a
        /// session cmdlet binds -Channel): it is passed on unchanged, so that it fails to bind here and binds there.
        /// </summary>
        protected virtual bool PassesOn(object moduleObject) => false;

        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value == null)
            {
                return inputData!;
            }

            if (value is string text)
            {
                return Normalize(text);
            }

            if (value is string[] texts)
            {
                return Array.ConvertAll(texts, item => item == null ? null! : Normalize(item));
            }

            if (PassesOn(value))
            {
                return inputData;
            }

            if (value is IList list)
            {
                foreach (var item in list)
                {
                    if (item != null && PassesOn(item is PSObject inner ? inner.BaseObject : item))
                    {
                        return inputData;
                    }
                }

                var values = new List<string?>();
                foreach (var item in list)
                {
                    values.Add(ValueOf(item));
                }

                // An array of the parameter's own type binds as it is, before any type conversion.
                return values.ToArray();
            }

            return ValueOf(inputData)!;
        }

        private string? ValueOf(object? item)
        {
            var read = Read(item);
            return read == null ? null : Normalize(read);
        }

        private string? Read(object? item)
        {
            var value = item is PSObject wrapped ? wrapped.BaseObject : item;
            if (value == null || value is string)
            {
                return (string?)value;
            }

            if (TextOf(value) is { } text)
            {
                return text;
            }

            if (value.GetType().Namespace == typeof(LiveChannel).Namespace && value.GetType().Assembly == typeof(LiveChannel).Assembly)
            {
                return TryRead(value, out var read) ? read : throw Refuse(value, withProperties: false);
            }

            foreach (var name in PropertyNames)
            {
                if (Lookup(item!, value, name, out var property))
                {
                    var propertyValue = property is PSObject inner ? inner.BaseObject : property;
                    if (propertyValue == null || propertyValue is string)
                    {
                        return (string?)propertyValue;
                    }

                    if (propertyValue is Guid guid)
                    {
                        return guid.ToString();
                    }
                }
            }

            throw Refuse(value, withProperties: true);
        }

        /// <summary>The text of a number or a GUID, which people type as ids and names; null for other values.</summary>
        private static string? TextOf(object value)
        {
            if (value is Guid guid)
            {
                return guid.ToString();
            }

            switch (Type.GetTypeCode(value.GetType()))
            {
                case TypeCode.Char:
                case TypeCode.SByte:
                case TypeCode.Byte:
                case TypeCode.Int16:
                case TypeCode.UInt16:
                case TypeCode.Int32:
                case TypeCode.UInt32:
                case TypeCode.Int64:
                case TypeCode.UInt64:
                case TypeCode.Single:
                case TypeCode.Double:
                case TypeCode.Decimal:
                    return Convert.ToString(value, CultureInfo.InvariantCulture);
                default:
                    return null;
            }
        }

        private static bool Lookup(object item, object value, string name, out object? property)
        {
            if (value is IDictionary dictionary)
            {
                foreach (DictionaryEntry entry in dictionary)
                {
                    if (string.Equals(entry.Key as string, name, StringComparison.OrdinalIgnoreCase))
                    {
                        property = entry.Value;
                        return true;
                    }
                }
            }

            var member = PSObject.AsPSObject(item).Properties[name];
            property = member?.Value;
            return member != null;
        }

        private ArgumentTransformationMetadataException Refuse(object value, bool withProperties)
        {
            var without = withProperties
                ? " without " + (PropertyNames.Length == 1 ? "a " + PropertyNames[0]
                    : "a " + string.Join(", ", PropertyNames, 0, PropertyNames.Length - 1) + " or " + PropertyNames[PropertyNames.Length - 1]) + " property"
                : string.Empty;
            return new ArgumentTransformationMetadataException($"A {value.GetType().FullName}{without} is not {Takes}. {Advice}");
        }
    }
}
