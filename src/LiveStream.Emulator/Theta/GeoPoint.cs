namespace LiveStream.Emulator.Theta;

/// <summary>A place on Earth, in the vendor's [longitude, latitude] order.</summary>
public readonly record struct GeoPoint(double Longitude, double Latitude)
{
    private const double EarthRadiusKm = 6371.0;

    public bool IsValid => Longitude is >= -180 and <= 180 && Latitude is >= -90 and <= 90;

    /// <summary>Great-circle distance (haversine).</summary>
    public double KilometresTo(GeoPoint other)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(other.Latitude - Latitude);
        var dLon = Radians(other.Longitude - Longitude);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) +
            Math.Cos(Radians(Latitude)) * Math.Cos(Radians(other.Latitude)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
