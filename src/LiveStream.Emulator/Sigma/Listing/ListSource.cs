using System.Text.Json.Nodes;

namespace LiveStream.Emulator.Sigma.Listing;

/// <summary>
/// What a list endpoint pages through: every item in the order it was added, the items of an index (a subsequence of
/// that order) and what is known of their order, so that a page of a long list costs the page, not the list.
/// </summary>
public abstract class ListSource<T>
{
    /// <summary>Every item, in the order it was added.</summary>
    public abstract IReadOnlyList<T> All { get; }

    /// <summary>
    /// The items whose <paramref name="field"/> is the string <paramref name="value"/>, in the order they were added;
    /// null when the field has no index.
    /// </summary>
    public abstract IReadOnlyList<T>? Indexed(string field, string value);

    /// <summary>
    /// Whether <paramref name="items"/> (<see cref="All"/> or a list of <see cref="Indexed"/>) is known to stand in
    /// ascending order of <paramref name="field"/>, without ties when <paramref name="strictly"/>. False means unknown.
    /// </summary>
    public abstract bool KnownInOrder(IReadOnlyList<T> items, string field, bool strictly);

    /// <summary>
    /// Whether <paramref name="items"/> can be cut by a range of <paramref name="field"/> with a binary search: known in
    /// ascending order of it, and every value of one type (so that the order of the range's comparison is the same).
    /// </summary>
    public virtual bool CanSeek(IReadOnlyList<T> items, string field) => false;

    /// <summary>The item as JSON, to match a filter against and to sort by; not to be changed.</summary>
    public abstract JsonObject View(T item);

    /// <summary>The item as an answer carries it: a copy the answer may own.</summary>
    public abstract JsonObject Answer(T item);
}
