using System.Collections;

namespace LiveStream.Emulator.Sigma.Listing;

/// <summary>A run of a list, without copying it.</summary>
public sealed class ListSlice<T>(IReadOnlyList<T> items, int start, int count) : IReadOnlyList<T>
{
    public int Count => count;

    public T this[int index] => (uint)index < (uint)count ? items[start + index] : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < count; i++)
        {
            yield return items[start + i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
