#include "recall/stats/stats.hpp"

namespace recall::stats {

Summary summarize(store::Store& store, const store::CardFilter& filter,
                  std::chrono::sys_days today) {
  using std::chrono::days;
  Summary s;
  s.today = today;
  s.states = store.state_counts(filter);
  s.total = s.states.new_cards + s.states.learning + s.states.review + s.states.suspended +
            s.states.retired;
  s.due_today = store.due_between(filter, std::chrono::sys_days{}, today);
  s.due_tomorrow = store.due_between(filter, today + days{1}, today + days{1});
  s.due_week = store.due_between(filter, today + days{1}, today + days{7});
  s.reviews_today = store.reviews_on(today, std::nullopt);
  std::tie(s.retention_reviews, s.retention_passed) =
      store.retention(filter, today - days{29}, today);
  return s;
}

}  // namespace recall::stats
