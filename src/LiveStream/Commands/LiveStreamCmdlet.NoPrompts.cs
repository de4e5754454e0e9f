using System;
using System.Management.Automation;

namespace LiveStream.Commands
{
    public abstract partial class LiveStreamCmdlet
    {
        /// <summary>
        /// -Debug makes PowerShell ask "Continue with this operation?" before each message of a compiled cmdlet: in
        /// PowerShell 7 before each verbose message and warning (its VerbosePreference and WarningPreference become
        /// Inquire), in Windows PowerShell 5.1 before each debug message as well; so does an Inquire preference
        /// variable, such as the $DebugPreference a Windows PowerShell function called with -Debug passes on. In a
        /// non-interactive host the question throws, and in a bulk run it stops every item for an answer. The module's
        /// messages inform and never ask, so each stream whose preference is Inquire is shown instead: verbose on
        /// (unless -Verbose was given), warnings as $WarningPreference says when -Debug made them Inquire (unless
        /// -WarningAction was given), debug Continue. The engine offers no public setter for a command's preferences;
        /// where its internal ones cannot be reached, the messages of a command given -Debug go to the host directly.
        /// </summary>
        private void NoPrompts()
        {
            if (_promptsChecked)
            {
                return;
            }

            _promptsChecked = true;
            try
            {
                var runtime = CommandRuntime;
                var type = runtime.GetType();
                const System.Reflection.BindingFlags Internal =
                    System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic;
                var verbose = type.GetProperty("Verbose", Internal);
                var verbosePreference = type.GetProperty("VerbosePreference", Internal);
                var warningPreference = type.GetProperty("WarningPreference", Internal);
                var debugPreference = type.GetProperty("DebugPreference", Internal);
                if (verbose == null || verbosePreference == null || warningPreference == null || debugPreference == null ||
                    !warningPreference.CanWrite || !debugPreference.CanWrite || !verbose.CanWrite)
                {
                    _hostFallback = DebugGiven && Host?.UI != null;
                    return;
                }

                if (!MyInvocation.BoundParameters.ContainsKey("Verbose") &&
                    (ActionPreference)verbosePreference.GetValue(runtime)! == ActionPreference.Inquire)
                {
                    verbose.SetValue(runtime, true);
                }

                if (!MyInvocation.BoundParameters.ContainsKey("WarningAction") &&
                    (ActionPreference)warningPreference.GetValue(runtime)! == ActionPreference.Inquire)
                {
                    warningPreference.SetValue(runtime, DebugGiven && Quiet(GetVariableValue("WarningPreference"))
                        ? ActionPreference.SilentlyContinue
                        : ActionPreference.Continue);
                }

                if ((ActionPreference)debugPreference.GetValue(runtime)! == ActionPreference.Inquire)
                {
                    debugPreference.SetValue(runtime, ActionPreference.Continue);
                }
            }
            catch (Exception exception) when (exception is System.Reflection.TargetInvocationException ||
                exception is InvalidCastException || exception is MemberAccessException || exception is ArgumentException)
            {
                _hostFallback = DebugGiven && Host?.UI != null;
            }
        }

        private static bool Quiet(object? preference)
        {
            var text = (preference is PSObject wrapped ? wrapped.BaseObject : preference)?.ToString();
            return string.Equals(text, nameof(ActionPreference.SilentlyContinue), StringComparison.OrdinalIgnoreCase) ||
                string.Equals(text, nameof(ActionPreference.Ignore), StringComparison.OrdinalIgnoreCase);
        }
    }
}
