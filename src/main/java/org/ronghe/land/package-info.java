/**
 * The land transfer service platform (土地流转服务平台): the registry — collectives (发包方), contracting households
 * (承包方) with their contracts, and parcels (地块) with their boundaries, imported from the 确权 data layout as CSV or
 * Excel; codes and identity numbers are checked by their standards, identity numbers are stored encrypted and shown
 * masked — and on it transfers with their rule checks, filing, contracts, listings and matching, rents, statistics
 * and the map of parcels ({@link org.ronghe.land.LandMap}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Land")
package org.ronghe.land;
