using System;
using System.Collections.Generic;
using LiveStream.Model;

namespace LiveStream.Commands
{
    public sealed partial class GetLiveChannelCommand
    {
        /// <summary>
        /// Lists several accounts one after another as one list: -Skip and -First count across them, and
        /// -IncludeTotalCount writes one total, last.
        /// </summary>
        private void ListEach(IReadOnlyList<LiveStreamConnection> connections, ChannelNameFilter names)
        {
            var paging = PagingParameters;
            ulong skip = paging.Skip, first = paging.First, total = 0, serviceMatched = 0;
            var countTotal = paging.IncludeTotalCount.IsPresent;
            var allRead = true;
            try
            {
                if (countTotal)
                {
                    // Every page is read for the total anyway; -Skip and -First are applied here, item by item.
                    paging.IncludeTotalCount = false;
                    paging.Skip = 0;
                    paging.First = ulong.MaxValue;
                }

                foreach (var connection in connections)
                {
                    if (!countTotal && first == 0)
                    {
                        allRead = false;
                        break;
                    }

                    ulong matchedHere = 0;
                    var listed = List(connection, names, matching =>
                    {
                        matchedHere++;
                        total++;
                        if (!countTotal)
                        {
                            return true;
                        }

                        if (skip > 0)
                        {
                            skip--;
                            return false;
                        }

                        if (first == 0)
                        {
                            return false;
                        }

                        first--;
                        return true;
                    });
                    allRead &= listed.ReadToEnd;
                    serviceMatched += listed.NameSentToService ? matchedHere : 0;
                    if (!countTotal)
                    {
                        var written = Math.Min(paging.First, matchedHere > paging.Skip ? matchedHere - paging.Skip : 0);
                        skip = paging.Skip > matchedHere ? paging.Skip - matchedHere : 0;
                        first = paging.First - written;
                        paging.Skip = skip;
                        paging.First = first;
                    }
                }
            }
            finally
            {
                paging.IncludeTotalCount = countTotal;
            }

            if (countTotal)
            {
                WriteObject(paging.NewTotalCount(total, allRead ? 1.0 : 0.0));
            }

            if (allRead)
            {
                WriteUnmatched(names, serviceMatched, connections);
            }
        }
    }
}
