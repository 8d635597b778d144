namespace NewsReader.Web.Features.Search;

public sealed record FacetView(string Title, string Dimension, IReadOnlyList<FacetValue> Values, IndexModel Page);

public sealed record TimelineView(Timeline Timeline, IndexModel Page);
